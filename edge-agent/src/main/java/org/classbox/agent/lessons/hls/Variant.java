package org.classbox.agent.lessons.hls;

import java.util.Objects;

/**
 * One rendition named by an {@code EXT-X-STREAM-INF} tag.
 *
 * @param uri        the media playlist's URI as written (often relative to the multivariant playlist)
 * @param bandwidth  peak bits per second ({@code BANDWIDTH}, required)
 * @param resolution {@code WIDTHxHEIGHT} or null
 * @param codecs     the {@code CODECS} list or null
 */
public record Variant(String uri, long bandwidth, String resolution, String codecs) {
    public Variant {
        Objects.requireNonNull(uri, "uri");
        if (bandwidth <= 0) {
            throw new IllegalArgumentException("bandwidth must be positive, but was " + bandwidth);
        }
    }
}
