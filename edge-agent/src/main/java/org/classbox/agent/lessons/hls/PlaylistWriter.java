package org.classbox.agent.lessons.hls;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes a {@link MediaPlaylist} as {@code .m3u8} text: a live sliding window, an EVENT or a VOD playlist. */
public final class PlaylistWriter {
    private PlaylistWriter() {
    }

    public static String write(MediaPlaylist playlist) {
        StringBuilder out = new StringBuilder(64 + 80 * playlist.segments().size());
        out.append("#EXTM3U\n");
        // Version 3 covers decimal EXTINF; EXT-X-GAP needs no version of its own (players that lack it ignore it).
        out.append("#EXT-X-VERSION:3\n");
        out.append("#EXT-X-TARGETDURATION:").append(playlist.targetDuration()).append('\n');
        out.append("#EXT-X-MEDIA-SEQUENCE:").append(playlist.mediaSequence()).append('\n');
        if (playlist.discontinuitySequence() > 0) {
            out.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(playlist.discontinuitySequence()).append('\n');
        }
        if (playlist.type() != null) {
            out.append("#EXT-X-PLAYLIST-TYPE:").append(playlist.type()).append('\n');
        }
        for (Segment segment : playlist.segments()) {
            if (segment.discontinuity()) {
                out.append("#EXT-X-DISCONTINUITY\n");
            }
            if (segment.programDateTime() != null) {
                out.append("#EXT-X-PROGRAM-DATE-TIME:")
                        .append(DateTimeFormatter.ISO_INSTANT.format(segment.programDateTime())).append('\n');
            }
            out.append(String.format(Locale.ROOT, "#EXTINF:%.3f,", segment.duration())).append('\n');
            if (segment.gap()) {
                out.append("#EXT-X-GAP\n");
            }
            out.append(segment.uri()).append('\n');
        }
        if (playlist.ended()) {
            out.append("#EXT-X-ENDLIST\n");
        }
        return out.toString();
    }
}
