package org.classbox.agent.lessons.buffer;

/**
 * Media time in seconds: wall time since the epoch times {@code lessons.clockRate}, so tests and benchmarks compress
 * a lesson's timing with the origin's {@code --rate}. Epoch-based, so the play-out schedule stored in H2 still holds
 * after a restart.
 */
public final class MediaClock {
    private final double rate;

    public MediaClock(double rate) {
        this.rate = rate;
    }

    public double now() {
        return System.currentTimeMillis() / 1000.0 * rate;
    }

    /** Wall milliseconds that last {@code mediaSeconds} of media time (at least 1). */
    public long wallMillis(double mediaSeconds) {
        return Math.max(1, Math.round(mediaSeconds * 1000.0 / rate));
    }

    public double rate() {
        return rate;
    }
}
