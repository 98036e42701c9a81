package org.classbox.agent.lessons.buffer;

/**
 * Where one lesson's buffer stands.
 *
 * @param lessonId          the lesson
 * @param state             see {@link State}
 * @param delaySeconds      the local play-out's delay behind the origin's live edge (media seconds)
 * @param aheadSeconds      media seconds stored beyond the local play-out edge, without a hole
 * @param gapSeconds        media seconds the local live playlist listed as {@code EXT-X-GAP}
 * @param segmentsMissing   known segments not stored yet
 * @param recordingComplete every segment of the ended lesson is stored
 * @param rendition         index of the rendition being fetched, lowest bandwidth 0
 * @param bandwidth         its bandwidth, bits per second (0 when the source names none)
 * @param error             the last error the origin caused, or null
 * @param sourceReachable   false from a request to the origin that failed at the link (connect error, reset,
 *                          timeout) until the next that gets through: the lesson plays from the buffer alone then
 */
public record BufferStatus(String lessonId, State state, double delaySeconds, double aheadSeconds, double gapSeconds,
                           int segmentsMissing, boolean recordingComplete, int rendition, long bandwidth,
                           String error, boolean sourceReachable) {
    /** FOLLOWING: live; REPAIRING: finished, fetching what is missing or upgrading; COMPLETE: nothing left to do. */
    public enum State { FOLLOWING, REPAIRING, COMPLETE }
}
