package org.classbox.agent.lessons.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.classbox.agent.lessons.hls.MediaPlaylist;
import org.classbox.agent.lessons.hls.Segment;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class LessonBufferTest {
    private static final Duration LESSON = Duration.ofSeconds(30);
    @TempDir
    Path tmp;
    private Vertx vertx;
    private TestOrigin origin;
    private BufferRig rig;

    @BeforeEach
    void given_an_origin_and_a_box() throws Exception {
        vertx = Vertx.vertx();
        Path media = Files.createDirectories(tmp.resolve("origin"));
        origin = TestOrigin.start(vertx, media, BufferRig.RATE);
        rig = new BufferRig(vertx, tmp.resolve("agent"), BufferRig.config()).start();
    }

    @AfterEach
    void close() {
        rig.close();
        origin.stop();
        vertx.close().await();
    }

    private String follow(String id) {
        rig.buffers.follow(BufferRig.lesson(id, origin.masterUri(), LiveLesson.Mode.INTERACTIVE)).await();
        return "/lessons/" + id + "/live.m3u8";
    }

    private MediaPlaylist awaitLive(String path, int entries) {
        return Await.value(LESSON, path + " with " + entries + " entries", () -> {
            MediaPlaylist p = rig.playlist(path);
            return p != null && p.nextSequence() >= entries ? p : null;
        });
    }

    /** Runs a lesson with the origin unreachable from media second 5 to 11, to its end. */
    private String lessonThroughOutage(String id) {
        String live = follow(id);
        Await.until(LESSON, "media second 5", () -> origin.available() >= 5);
        origin.down = true;
        Await.until(LESSON, "media second 11", () -> origin.available() >= 11);
        origin.down = false;
        Await.until(LESSON, "the local live playlist to end", () -> {
            MediaPlaylist p = rig.playlist(live);
            return p != null && p.ended();
        });
        return live;
    }

    @Test
    void local_playlist_keeps_advancing_through_an_outage() {
        String live = follow("adv");
        awaitLive(live, 3);
        assertTrue(rig.buffers.status("adv").sourceReachable(), "reachable before the outage");
        origin.down = true;
        long before = rig.playlist(live).nextSequence();
        // While nothing reaches the origin, the box's own clock lists segment after segment (stored, then gaps).
        Await.until(LESSON, "four more entries during the outage",
                () -> rig.playlist(live).nextSequence() >= before + 4);
        // The classroom's strip reads this: the lesson plays from the buffer alone.
        assertFalse(rig.buffers.status("adv").sourceReachable(), "unreachable during the outage");
        assertNull(rig.buffers.status("adv").error(), "a link outage is no error of the origin");
        assertTrue(origin.down);
        origin.down = false;
        Await.until(LESSON, "the source reachable again", () -> rig.buffers.status("adv").sourceReachable());
    }

    @Test
    void segment_missed_past_its_deadline_is_a_gap_and_only_then() {
        lessonThroughOutage("gaps");
        List<Timeline.Entry> entries = rig.store.entries("gaps").await();
        Map<Long, SegmentStore.Row> rows = rig.store.rows("gaps").await().stream()
                .collect(Collectors.toMap(SegmentStore.Row::seq, r -> r));
        assertTrue(entries.stream().anyMatch(Timeline.Entry::gap), "the 6 s outage beats a 3 s delay: gaps");
        for (int i = 0; i < entries.size(); i++) {
            Timeline.Entry e = entries.get(i);
            SegmentStore.Row row = rows.get(e.originSeq());
            if (i > 0 && entries.get(i - 1).originSeq() == e.originSeq()) {
                assertTrue(e.gap(), "only a gap entry that grows the delay repeats the one before: " + e);
            } else if (e.gap()) {
                assertTrue(row == null || row.fetchedAt() > e.listedAt(), "gap " + e + " arrived in time: " + row);
            } else {
                assertTrue(row != null && row.fetchedAt() <= e.listedAt(), "listed " + e + " before it arrived");
            }
        }
        MediaPlaylist local = rig.playlist("/lessons/gaps/live.m3u8");
        for (int i = 1; i < local.segments().size(); i++) {
            Segment prev = local.segments().get(i - 1);
            Segment s = local.segments().get(i);
            if (prev.gap() != s.gap()) {
                assertTrue(s.discontinuity(), "a gap run starts and ends with EXT-X-DISCONTINUITY: " + s);
            }
        }
    }

    @Test
    void missed_segments_are_repaired_and_vod_is_complete() throws IOException {
        lessonThroughOutage("vod");
        assertEquals(404, rig.get("/lessons/vod/vod.m3u8").statusCode(), "no VOD before the end");
        rig.buffers.finish("vod").await();
        Await.until(LESSON, "the recording to be complete", () -> rig.buffers.status("vod").recordingComplete());
        MediaPlaylist vod = rig.playlist("/lessons/vod/vod.m3u8");
        assertEquals(TestOrigin.SEGMENTS, vod.segments().size());
        assertTrue(rig.buffers.storedBytes("vod").await() > TestOrigin.SEGMENTS * 188L);
        assertTrue(vod.ended());
        assertEquals(MediaPlaylist.Type.VOD, vod.type());
        for (Segment s : vod.segments()) {
            assertFalse(s.gap(), "repaired: " + s);
            byte[] served = rig.get("/lessons/vod/" + s.uri()).body();
            String index = String.format("_%03d.ts", s.sequence());
            byte[] low = Files.readAllBytes(origin.file("r0" + index));
            byte[] high = Files.readAllBytes(origin.file("r1" + index));
            assertTrue(java.util.Arrays.equals(served, low) || java.util.Arrays.equals(served, high),
                    s.uri() + " is the origin's bytes");
            assertEquals(s.sequence() * 1000, s.programDateTime().toEpochMilli(), "media time as date-time");
        }
        rig.buffers.delete("vod").await();
        assertEquals(404, rig.get("/lessons/vod/vod.m3u8").statusCode());
        assertEquals(0L, rig.buffers.storedBytes("vod").await());
        assertFalse(Files.exists(rig.dataDir.resolve("segments").resolve("lesson-vod")), "files gone at once");
    }

    @Test
    void ffprobe_reads_local_live_and_vod_playlists_without_errors() throws Exception {
        String live = follow("probe");
        awaitLive(live, 4);
        assertPlays(rig.url(live), false);
        origin.down = true;
        Await.until(LESSON, "gaps in the live playlist", () -> rig.playlist(live).segments().stream()
                .anyMatch(Segment::gap));
        origin.down = false;
        Await.until(LESSON, "the local live playlist to end", () -> rig.playlist(live).ended());
        assertPlays(rig.url(live), true);
        rig.buffers.finish("probe").await();
        Await.until(LESSON, "the recording to be complete", () -> rig.buffers.status("probe").recordingComplete());
        assertPlays(rig.url("/lessons/probe/vod.m3u8"), true);
    }

    /** ffprobe finds audio and video; with {@code decode}, ffmpeg decodes it all (gaps included) without an error. */
    private static void assertPlays(String url, boolean decode) throws Exception {
        assertTrue(run("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", url)
                .matches("(?s).*video.*audio.*|.*audio.*video.*"));
        if (decode) {
            run("ffmpeg", "-v", "error", "-nostdin", "-i", url, "-f", "null", "-");
        }
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + err);
        assertEquals("", err.strip(), String.join(" ", command));
        return out;
    }

    @Test
    void buffer_survives_agent_restart() throws IOException {
        String live = follow("restart");
        MediaPlaylist before = awaitLive(live, 5);
        rig.close();
        // A power cut can leave a committed row whose file never reached the disk: it is fetched again.
        Segment first = before.segments().stream().filter(s -> !s.gap()).findFirst().orElseThrow();
        Files.write(rig.dataDir.resolve("segments").resolve("lesson-restart").resolve(first.uri().substring(1)),
                new byte[0]);
        rig = new BufferRig(vertx, tmp.resolve("agent"), BufferRig.config()).start();
        assertEquals(404, rig.get(live).statusCode(), "not followed yet");
        follow("restart");
        MediaPlaylist after = awaitLive(live, (int) before.nextSequence() + 2);
        for (Segment s : before.segments()) {
            Segment again = after.segments().get((int) (s.sequence() - after.mediaSequence()));
            assertEquals(s, again, "listed before the restart, listed the same after");
        }
        rig.buffers.finish("restart").await();
        Await.until(LESSON, "the recording to be complete", () -> rig.buffers.status("restart").recordingComplete());
        for (Segment s : before.segments()) {
            assertEquals(200, rig.get("/lessons/restart/" + s.uri()).statusCode(), s.uri());
        }
        byte[] refetched = rig.get("/lessons/restart/" + first.uri()).body();
        assertTrue(refetched.length > 0 && refetched.length % 188 == 0, "the torn segment was fetched again");
    }

    @Test
    void stop_closes_every_connection_and_no_timer_polls_the_origin_after_it() {
        String live = follow("stop");
        awaitLive(live, 2);
        rig.close();
        Await.until(LESSON, "no connection left open to the origin", () -> origin.openConnections.get() == 0);
        int requests = origin.requests.get();
        double now = origin.mediaNow();
        Await.until(LESSON, "four more media seconds (8 poll intervals)", () -> origin.mediaNow() >= now + 4);
        assertEquals(requests, origin.requests.get(), "nothing polls after stop");
        assertTrue(vertx.deploymentIDs().isEmpty());
    }

    @Test
    void garbage_playlist_is_a_clear_error_and_nothing_is_stored() {
        origin.garbage = true;
        follow("junk");
        assertFailsStoringNothing("junk", "master.m3u8: line 1 must be #EXTM3U, but was '<html>oops</html>'");
        assertEquals(null, rig.store.loadState("junk").await());
        assertEquals(404, rig.get("/lessons/junk/live.m3u8").statusCode());
    }

    @Test
    void missing_source_and_bad_segments_are_clear_errors_and_nothing_is_stored() {
        rig.buffers.follow(BufferRig.lesson("nf", origin.masterUri().replace("master", "nothing"),
                LiveLesson.Mode.BROADCAST)).await();
        assertFailsStoringNothing("nf", "nothing.m3u8: origin answered HTTP 404");
        origin.huge = true;
        follow("big");
        assertFailsStoringNothing("big", "bytes exceed lessons.maxSegmentMegabytes (1)");
        origin.huge = false;
        origin.garbageSegments = true;
        follow("zeros");
        assertFailsStoringNothing("zeros", "not an MPEG-TS segment (byte 188 is 0x00, not the sync byte 0x47)");
    }

    private void assertFailsStoringNothing(String lesson, String error) {
        Await.until(LESSON, "lesson " + lesson + " to fail with " + error, () -> {
            String e = rig.buffers.status(lesson).error();
            return e != null && e.contains(error);
        });
        assertTrue(rig.store.rows(lesson).await().isEmpty(), "nothing stored");
    }
}
