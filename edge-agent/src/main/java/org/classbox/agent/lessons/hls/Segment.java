package org.classbox.agent.lessons.hls;

import java.time.Instant;
import java.util.Objects;

/**
 * One media segment of a media playlist.
 *
 * @param sequence         its media sequence number
 * @param duration         {@code EXTINF} seconds
 * @param uri              as written (often relative to the playlist)
 * @param discontinuity    preceded by {@code EXT-X-DISCONTINUITY}
 * @param gap              marked {@code EXT-X-GAP}: listed but not available
 * @param programDateTime  its {@code EXT-X-PROGRAM-DATE-TIME}, or null
 */
public record Segment(long sequence, double duration, String uri, boolean discontinuity, boolean gap,
                      Instant programDateTime) {
    public Segment {
        Objects.requireNonNull(uri, "uri");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0, but was " + sequence);
        }
        if (!(duration >= 0) || Double.isInfinite(duration)) {
            throw new IllegalArgumentException("duration must be >= 0 seconds, but was " + duration);
        }
    }
}
