package org.classbox.agent.classroom;

/**
 * What the status strip shows of a lesson's local buffer.
 *
 * @param secondsBuffered seconds of media held ahead of the local play-out
 * @param delaySeconds    how far the local play-out is behind the origin's live edge
 */
public record BufferFigures(double secondsBuffered, double delaySeconds) {
}
