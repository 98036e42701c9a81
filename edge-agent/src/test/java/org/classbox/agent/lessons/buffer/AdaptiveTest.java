package org.classbox.agent.lessons.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.classbox.agent.lessons.hls.MediaPlaylist;
import org.classbox.agent.lessons.hls.Segment;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Rendition choice and the interactive delay, each against a real origin on loopback. */
@ExtendWith(TestGuard.class)
class AdaptiveTest {
    private static final Duration LESSON = Duration.ofSeconds(40);
    @TempDir
    Path tmp;
    private Vertx vertx;
    private TestOrigin origin;
    private BufferRig rig;

    private void given(double rate, int segments) throws Exception {
        vertx = Vertx.vertx();
        origin = TestOrigin.start(vertx, Files.createDirectories(tmp.resolve("origin")), rate, segments);
        rig = new BufferRig(vertx, tmp.resolve("agent"), BufferRig.config(rate)).start();
    }

    @AfterEach
    void close() {
        rig.close();
        origin.stop();
        vertx.close().await();
    }

    @Test
    void abr_drops_to_low_rendition_on_a_slow_link_and_recording_upgrades() throws Exception {
        given(BufferRig.RATE, 24);
        rig.buffers.follow(BufferRig.lesson("abr", origin.masterUri(), LiveLesson.Mode.BROADCAST)).await();
        Await.until(LESSON, "a high-rendition segment on the fast link",
                () -> rig.store.rows("abr").await().stream().anyMatch(r -> r.rendition() == 1));
        // 60 kB/s wall is 15 kB per media second at rate 4: below the high rendition (~33 kB a segment).
        origin.bytesPerSecond = 60_000;
        long slowFrom = origin.available();
        Await.until(LESSON, "low-rendition segments on the slow link", () -> rig.store.rows("abr").await().stream()
                .filter(r -> r.seq() > slowFrom && r.rendition() == 0).count() >= 3);
        Await.until(LESSON, "the status to name the low rendition", () -> rig.buffers.status("abr").rendition() == 0);
        Await.until(LESSON, "the live playlist to end", () -> rig.playlist("/lessons/abr/live.m3u8").ended());
        origin.bytesPerSecond = 0;
        rig.buffers.finish("abr").await();
        Await.until(LESSON, "the recording complete and upgraded",
                () -> rig.buffers.status("abr").state() == BufferStatus.State.COMPLETE);
        assertTrue(rig.store.rows("abr").await().stream().allMatch(r -> r.rendition() == 1), "best rendition kept");
        MediaPlaylist vod = rig.playlist("/lessons/abr/vod.m3u8");
        assertEquals(origin.segments, vod.segments().size());
        for (Segment s : vod.segments()) {
            assertArrayEquals(Files.readAllBytes(origin.file(String.format("r1_%03d.ts", s.sequence()))),
                    rig.get("/lessons/abr/" + s.uri()).body(), s.uri());
        }
    }

    @Test
    void interactive_delay_grows_after_outage_and_shrinks_when_steady() throws Exception {
        given(8, 48);
        String live = "/lessons/talk/live.m3u8";
        rig.buffers.follow(BufferRig.lesson("talk", origin.masterUri(), LiveLesson.Mode.INTERACTIVE)).await();
        Await.until(LESSON, "the play-out to start 3 segments behind live",
                () -> rig.playlist(live) != null && rig.buffers.status("talk").delaySeconds() == 3.0);
        int from = origin.available() + 2;
        Await.until(LESSON, "two more media seconds", () -> origin.available() >= from);
        origin.down = true;
        Await.until(LESSON, "a 6 s outage", () -> origin.available() >= from + 6);
        origin.down = false;
        double[] largest = {0};
        Await.until(LESSON, "the delay to cover the 6 s outage", () -> {
            largest[0] = Math.max(largest[0], rig.buffers.status("talk").delaySeconds());
            return largest[0] >= 6;
        });
        assertTrue(largest[0] <= 8, "grown only as far as the outage requires, not to the cap: " + largest[0]);
        // The 10 s window then holds no outage: the delay returns to within a segment of 3 s, by leaving whole
        // segments out of the live list.
        Await.until(LESSON, "the delay to shrink back", () -> rig.buffers.status("talk").delaySeconds() < 4.0);
        List<Timeline.Entry> entries = rig.store.entries("talk").await();
        boolean skipped = false;
        for (int i = 1; i < entries.size(); i++) {
            Timeline.Entry prev = entries.get(i - 1);
            Timeline.Entry e = entries.get(i);
            if (!prev.gap() && !e.gap() && e.originSeq() > prev.originSeq() + 1) {
                skipped = true;
                assertTrue(e.discontinuity(), "the skip is marked EXT-X-DISCONTINUITY: " + e);
            }
        }
        assertTrue(skipped, "segments left out of the live list: " + entries);
        assertTrue(rig.playlist(live).segments().stream().anyMatch(Segment::gap), "the outage itself was a gap");
    }
}
