package org.classbox.agent.lessons.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class PlaylistCodecTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = PlaylistCodecTest.class.getResourceAsStream("/hls/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void reads_ffmpeg_multivariant_playlist_lowest_bandwidth_first() throws IOException {
        // Written by: ffmpeg ... -f hls -master_pl_name master.m3u8 -var_stream_map 'v:0,a:0 v:1,a:1'
        MultivariantPlaylist master = assertInstanceOf(MultivariantPlaylist.class,
                PlaylistParser.parse(fixture("ffmpeg-master.m3u8"), "master.m3u8"));
        assertEquals(List.of(new Variant("r1.m3u8", 90_200, "80x46", "avc1.f4000a,mp4a.40.2"),
                new Variant("r0.m3u8", 255_200, "160x90", "avc1.f40009,mp4a.40.2")), master.variants());
    }

    @Test
    void reads_ffmpeg_live_media_playlist_with_program_date_time_after_extinf() throws IOException {
        MediaPlaylist media = PlaylistParser.media(fixture("ffmpeg-live-r1.m3u8"), "r1.m3u8");
        assertEquals(1, media.targetDuration());
        assertEquals(1, media.mediaSequence());
        assertTrue(media.ended());
        assertNull(media.type());
        assertEquals(3, media.segments().size());
        Segment first = media.segments().get(0);
        assertEquals(new Segment(1, 1.0, "r1_001.ts", false, false, Instant.parse("2026-11-28T00:40:15.247Z")),
                first);
        assertEquals(4, media.nextSequence());
    }

    @Test
    void reads_gap_discontinuity_and_vod_type() {
        String text = """
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:7
                #EXT-X-DISCONTINUITY-SEQUENCE:2
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXT-X-PROGRAM-DATE-TIME:2026-11-28T02:00:00.000+00:00
                #EXTINF:2.000,
                a.ts
                #EXT-X-DISCONTINUITY
                #EXTINF:1.5,title
                #EXT-X-GAP
                b.ts
                # a comment
                #EXT-X-UNKNOWN-TAG:1
                #EXTINF:2,
                c.ts
                #EXT-X-ENDLIST
                """;
        MediaPlaylist media = PlaylistParser.media(text, "t");
        assertEquals(MediaPlaylist.Type.VOD, media.type());
        assertEquals(2, media.discontinuitySequence());
        assertEquals(List.of(
                new Segment(7, 2.0, "a.ts", false, false, Instant.parse("2026-11-28T02:00:00Z")),
                new Segment(8, 1.5, "b.ts", true, true, null),
                new Segment(9, 2.0, "c.ts", false, false, null)), media.segments());
    }

    @Test
    void written_playlist_reads_back_the_same() {
        MediaPlaylist live = new MediaPlaylist(2, 40, 1, null, false, List.of(
                new Segment(40, 2.0, "s40.ts", false, false, Instant.ofEpochSecond(80)),
                new Segment(41, 2.0, "g41.ts", true, true, Instant.ofEpochSecond(82)),
                new Segment(42, 1.96, "s42.ts", true, false, Instant.ofEpochMilli(84_000))));
        String text = PlaylistWriter.write(live);
        assertTrue(text.contains("#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:1970-01-01T00:01:22Z\n"
                + "#EXTINF:2.000,\n#EXT-X-GAP\ng41.ts\n"), text);
        assertFalse(text.contains("ENDLIST"));
        assertEquals(live, PlaylistParser.media(text, "written"));
        MediaPlaylist vod = new MediaPlaylist(2, 0, 0, MediaPlaylist.Type.VOD, true, List.of(
                new Segment(0, 2.0, "s0.ts", false, false, null)));
        assertEquals(vod, PlaylistParser.media(PlaylistWriter.write(vod), "vod"));
    }

    @Test
    void truncated_playlist_is_a_clear_error() throws IOException {
        String full = fixture("ffmpeg-live-r1.m3u8");
        String cut = full.substring(0, full.indexOf("r1_002.ts"));
        PlaylistException e = assertThrows(PlaylistException.class, () -> PlaylistParser.parse(cut, "cut.m3u8"));
        assertTrue(e.getMessage().contains("cut.m3u8 line") && e.getMessage().contains("truncated"), e.getMessage());
        PlaylistException noTarget = assertThrows(PlaylistException.class,
                () -> PlaylistParser.parse("#EXTM3U\n#EXT-X-VERSION:3\n", "head.m3u8"));
        assertTrue(noTarget.getMessage().contains("EXT-X-TARGETDURATION"), noTarget.getMessage());
    }

    @Test
    void garbage_is_a_clear_error_naming_the_line() {
        assertMessage("<html>404 Not Found</html>", "line 1 must be #EXTM3U");
        assertMessage("", "line 1 must be #EXTM3U");
        assertMessage("#EXTM3U\n#EXT-X-TARGETDURATION:two\n", "line 2: #EXT-X-TARGETDURATION is not an integer");
        assertMessage("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:NaN,\na.ts\n", "line 3: #EXTINF duration");
        assertMessage("#EXTM3U\n#EXT-X-TARGETDURATION:2\nloose.ts\n", "line 3: URI 'loose.ts' without");
        assertMessage("#EXTM3U\n#EXT-X-STREAM-INF:RESOLUTION=1x1\nv.m3u8\n", "without BANDWIDTH");
        assertMessage("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,CODECS=\"a\nv.m3u8\n", "unterminated quoted value");
        assertMessage("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=9\nv.m3u8\n#EXT-X-TARGETDURATION:2\n", "mixes");
        assertMessage("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-PROGRAM-DATE-TIME:yesterday\n", "not a date-time");
        assertMessage("#EXTM3U\n#EXT-X-PLAYLIST-TYPE:LIVE\n", "must be EVENT or VOD");
        assertMessage("#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:-4\n", "must be in [0,");
    }

    @Test
    void oversized_input_is_refused_before_parsing() {
        String huge = "#EXTM3U\n" + "#".repeat(PlaylistParser.MAX_CHARS);
        assertMessage(huge, "exceeds the limit");
        StringBuilder many = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:1\n");
        for (int i = 0; i <= PlaylistParser.MAX_ENTRIES; i++) {
            many.append("#EXTINF:1,\ns.ts\n");
        }
        assertMessage(many.toString(), "more than " + PlaylistParser.MAX_ENTRIES + " entries");
    }

    private static void assertMessage(String text, String fragment) {
        PlaylistException e = assertThrows(PlaylistException.class, () -> PlaylistParser.parse(text, "src"));
        assertTrue(e.getMessage().startsWith("src") && e.getMessage().contains(fragment), e.getMessage());
    }
}
