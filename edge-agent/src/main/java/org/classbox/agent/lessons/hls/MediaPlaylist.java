package org.classbox.agent.lessons.hls;

import java.util.List;

/**
 * The segments of one rendition.
 *
 * @param targetDuration        {@code EXT-X-TARGETDURATION} seconds
 * @param mediaSequence         the first segment's sequence number
 * @param discontinuitySequence {@code EXT-X-DISCONTINUITY-SEQUENCE} (0 if absent)
 * @param type                  {@code EXT-X-PLAYLIST-TYPE}: null (live sliding window), EVENT or VOD
 * @param ended                 {@code EXT-X-ENDLIST} was present: no segment will be added
 * @param segments              in order, with consecutive sequence numbers
 */
public record MediaPlaylist(int targetDuration, long mediaSequence, long discontinuitySequence, Type type,
                            boolean ended, List<Segment> segments) implements Playlist {
    /** {@code EXT-X-PLAYLIST-TYPE}. */
    public enum Type { EVENT, VOD }

    public MediaPlaylist {
        if (targetDuration < 1) {
            throw new IllegalArgumentException("target duration must be >= 1 s, but was " + targetDuration);
        }
        segments = List.copyOf(segments);
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).sequence() != mediaSequence + i) {
                throw new IllegalArgumentException("segment " + i + " has sequence " + segments.get(i).sequence()
                        + ", expected " + (mediaSequence + i));
            }
        }
    }

    /** The sequence number after the last segment. */
    public long nextSequence() {
        return mediaSequence + segments.size();
    }
}
