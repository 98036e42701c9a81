package org.classbox.agent.lessons.hls;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code .m3u8} text into a {@link MultivariantPlaylist} or a {@link MediaPlaylist}. Strict where a wrong
 * guess would store wrong media (missing {@code #EXTM3U}, a URI without {@code EXTINF}, bad numbers, a playlist that
 * is both kinds), lenient with tags it does not need (ignored, as RFC 8216 asks of clients).
 */
public final class PlaylistParser {
    /** Larger than any sane playlist of a 45-minute lesson, small enough that garbage cannot fill the heap. */
    public static final int MAX_CHARS = 4 * 1024 * 1024;
    public static final int MAX_ENTRIES = 50_000;

    // ffmpeg writes +0000, RFC 8216 examples +00:00 or Z: accept all three.
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private PlaylistParser() {
    }

    /** Parses {@code text}; {@code source} (a URI or file name) only goes into error messages. */
    public static Playlist parse(String text, String source) {
        if (text.length() > MAX_CHARS) {
            throw new PlaylistException(source + ": playlist of " + text.length() + " characters exceeds the limit of "
                    + MAX_CHARS);
        }
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().replace("\uFEFF", "").equals("#EXTM3U")) {
            throw new PlaylistException(source + ": line 1 must be #EXTM3U, but was '" + clip(lines[0]) + "'");
        }
        return new Reader(source).read(lines);
    }

    /** Parses a playlist that must be a media playlist. */
    public static MediaPlaylist media(String text, String source) {
        if (parse(text, source) instanceof MediaPlaylist media) {
            return media;
        }
        throw new PlaylistException(source + ": expected a media playlist, but got a multivariant playlist");
    }

    private static String clip(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }

    /** Parses an attribute list: {@code KEY=value,KEY="quoted, value"}. */
    static Map<String, String> attributes(String list, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < list.length()) {
            int eq = list.indexOf('=', i);
            if (eq < 0) {
                throw new PlaylistException(where + ": attribute without '=' in '" + clip(list) + "'");
            }
            String key = list.substring(i, eq).strip();
            String value;
            int next;
            if (eq + 1 < list.length() && list.charAt(eq + 1) == '"') {
                int close = list.indexOf('"', eq + 2);
                if (close < 0) {
                    throw new PlaylistException(where + ": unterminated quoted value of " + key);
                }
                value = list.substring(eq + 2, close);
                next = list.indexOf(',', close);
            } else {
                next = list.indexOf(',', eq);
                value = list.substring(eq + 1, next < 0 ? list.length() : next).strip();
            }
            out.put(key, value);
            i = next < 0 ? list.length() : next + 1;
        }
        return out;
    }

    private static final class Reader {
        private final String source;
        private final List<Variant> variants = new ArrayList<>();
        private final List<Segment> segments = new ArrayList<>();
        private Integer targetDuration;
        private long mediaSequence;
        private long discontinuitySequence;
        private MediaPlaylist.Type type;
        private boolean ended;
        // State carried from tags to the next URI line.
        private Map<String, String> streamInf;
        private Double duration;
        private boolean discontinuity;
        private boolean gap;
        private Instant dateTime;
        private int lineNo;

        Reader(String source) {
            this.source = source;
        }

        Playlist read(String[] lines) {
            for (lineNo = 2; lineNo <= lines.length; lineNo++) {
                String line = lines[lineNo - 1].strip();
                if (line.isEmpty() || (line.startsWith("#") && !line.startsWith("#EXT"))) {
                    continue;
                }
                if (line.startsWith("#EXT")) {
                    tag(line);
                } else {
                    uri(line);
                }
                if (variants.size() + segments.size() > MAX_ENTRIES) {
                    throw error("more than " + MAX_ENTRIES + " entries");
                }
            }
            if (streamInf != null || duration != null) {
                throw error("playlist ends after a tag that needs a URI line (truncated?)");
            }
            if (!variants.isEmpty() && (targetDuration != null || !segments.isEmpty())) {
                throw error("playlist mixes EXT-X-STREAM-INF with media segment tags");
            }
            if (!variants.isEmpty()) {
                return new MultivariantPlaylist(variants);
            }
            if (targetDuration == null) {
                throw error("media playlist without EXT-X-TARGETDURATION (truncated or not a playlist?)");
            }
            return new MediaPlaylist(targetDuration, mediaSequence, discontinuitySequence, type, ended, segments);
        }

        private void tag(String line) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            switch (name) {
                case "#EXTM3U" -> throw error("#EXTM3U repeated");
                case "#EXT-X-STREAM-INF" -> streamInf(value);
                case "#EXT-X-TARGETDURATION" -> targetDuration = (int) number(name, value, 1, 86_400);
                case "#EXT-X-MEDIA-SEQUENCE" -> mediaSequence = number(name, value, 0, Long.MAX_VALUE / 2);
                case "#EXT-X-DISCONTINUITY-SEQUENCE" ->
                        discontinuitySequence = number(name, value, 0, Long.MAX_VALUE / 2);
                case "#EXT-X-PLAYLIST-TYPE" -> type = playlistType(value);
                case "#EXT-X-ENDLIST" -> ended = true;
                case "#EXTINF" -> duration = extinf(value);
                case "#EXT-X-DISCONTINUITY" -> discontinuity = true;
                case "#EXT-X-GAP" -> gap = true;
                case "#EXT-X-PROGRAM-DATE-TIME" -> dateTime = dateTime(value);
                default -> {
                    // Tags we do not use (VERSION, INDEPENDENT-SEGMENTS, MEDIA, ...) are ignored, as RFC 8216 asks.
                }
            }
        }

        private void streamInf(String value) {
            Map<String, String> attributes = attributes(value, where());
            if (!attributes.containsKey("BANDWIDTH")) {
                throw error("EXT-X-STREAM-INF without BANDWIDTH");
            }
            number("BANDWIDTH", attributes.get("BANDWIDTH"), 1, Long.MAX_VALUE);
            streamInf = attributes;
        }

        private void uri(String line) {
            if (streamInf != null) {
                variants.add(new Variant(line, Long.parseLong(streamInf.get("BANDWIDTH")),
                        streamInf.get("RESOLUTION"), streamInf.get("CODECS")));
                streamInf = null;
                return;
            }
            if (duration == null) {
                throw error("URI '" + clip(line) + "' without a preceding #EXTINF or #EXT-X-STREAM-INF");
            }
            segments.add(new Segment(mediaSequence + segments.size(), duration, line, discontinuity, gap, dateTime));
            duration = null;
            discontinuity = false;
            gap = false;
            dateTime = null;
        }

        private double extinf(String value) {
            int comma = value.indexOf(',');
            String number = (comma < 0 ? value : value.substring(0, comma)).strip();
            try {
                double seconds = Double.parseDouble(number);
                if (!(seconds >= 0 && seconds <= 86_400)) {
                    throw error("#EXTINF duration must be in [0, 86400] seconds, but was " + number);
                }
                return seconds;
            } catch (NumberFormatException e) {
                throw error("#EXTINF duration is not a number: '" + clip(number) + "'");
            }
        }

        private long number(String name, String value, long min, long max) {
            try {
                long n = Long.parseLong(value.strip());
                if (n < min || n > max) {
                    throw error(name + " must be in [" + min + ", " + max + "], but was " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw error(name + " is not an integer: '" + clip(value) + "'");
            }
        }

        private MediaPlaylist.Type playlistType(String value) {
            try {
                return MediaPlaylist.Type.valueOf(value.strip());
            } catch (IllegalArgumentException e) {
                throw error("EXT-X-PLAYLIST-TYPE must be EVENT or VOD, but was '" + clip(value) + "'");
            }
        }

        private Instant dateTime(String value) {
            try {
                return OffsetDateTime.parse(value.strip(), DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw error("EXT-X-PROGRAM-DATE-TIME is not a date-time: '" + clip(value) + "'");
            }
        }

        private String where() {
            return source + " line " + lineNo;
        }

        private PlaylistException error(String message) {
            return new PlaylistException(where() + ": " + message);
        }
    }
}
