package org.classbox.agent.lessons.hls;

import java.util.Comparator;
import java.util.List;

/** The renditions a source offers, lowest bandwidth first. */
public record MultivariantPlaylist(List<Variant> variants) implements Playlist {
    public MultivariantPlaylist {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a multivariant playlist needs at least one variant");
        }
        variants = variants.stream().sorted(Comparator.comparingLong(Variant::bandwidth)).toList();
    }
}
