package org.classbox.agent.lessons.materials;

import static org.classbox.agent.lessons.materials.LessonsRig.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.classbox.agent.config.MaterialsConfig;
import org.classbox.sparkplug.Metric;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class MaterialFetcherTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LESSON = "eng-5a-1128";

    @TempDir
    Path dir;
    private MaterialServer server;
    private LessonsRig rig;
    private MaterialFetcher fetcher;
    private final AtomicBoolean live = new AtomicBoolean();

    @BeforeEach
    void startServer() throws Exception {
        server = new MaterialServer();
        rig = new LessonsRig(dir);
    }

    @AfterEach
    void stopAll() throws Exception {
        if (fetcher != null) {
            await(fetcher.stop());
        }
        rig.close();
        server.close();
    }

    @Test
    void download_resumes_after_agent_restart_from_the_bytes_on_disk() throws Exception {
        byte[] content = bytes(300_000, 1);
        server.file("slides.pdf", content).cutAfter(100_000);
        Material slides = material("slides.pdf", content);
        startFetcher(config(0, 1));
        await(fetcher.want(List.of(slides)));
        Await.until(WAIT, "the first transfer to be cut", () -> state("slides.pdf").error() != null);
        server.unavailable(true);

        await(fetcher.stop());
        fetcher = null;
        rig.stop();
        long onDisk = Files.size(part("slides.pdf"));
        assertTrue(onDisk > 0 && onDisk <= 100_000, "part after the cut: " + onDisk);
        server.unavailable(false);
        server.cutAfter(-1);
        rig.start();
        startFetcher(config(0, 1));

        Await.until(WAIT, "the material to be complete", () -> state("slides.pdf").complete());
        MaterialServer.Seen resumed = server.seen().get(server.seen().size() - 1);
        assertEquals("bytes=" + onDisk + "-", resumed.range());
        assertEquals(server.etag("slides.pdf"), resumed.ifRange());
        assertEquals(206, resumed.status());
        assertEquals(content.length - onDisk, resumed.sent().get(), "bytes the server sent after the restart");
        assertArrayEquals(content, Files.readAllBytes(file("slides.pdf")));
        assertFalse(Files.exists(part("slides.pdf")));
        List<Metric> reported = rig.metrics("lesson-" + LESSON);
        assertTrue(reported.stream().anyMatch(m -> m.name().equals("Materials/slides.pdf/Complete")
                && Boolean.TRUE.equals(m.value())), "Complete reported: " + reported);
    }

    @Test
    void changed_file_on_server_restarts_download() throws Exception {
        byte[] before = bytes(200_000, 2);
        byte[] after = bytes(200_000, 3);
        server.file("video.mp4", before).cutAfter(80_000);
        String firstEtag = server.etag("video.mp4");
        startFetcher(config(0, 1));
        await(fetcher.want(List.of(material("video.mp4", after))));
        Await.until(WAIT, "the first transfer to be cut", () -> state("video.mp4").error() != null);
        long onDisk = Files.size(part("video.mp4"));

        server.file("video.mp4", after);
        server.cutAfter(-1);

        Await.until(WAIT, "the changed file to be complete", () -> state("video.mp4").complete());
        MaterialServer.Seen retried = server.seen().get(1);
        assertEquals("bytes=" + onDisk + "-", retried.range());
        assertEquals(firstEtag, retried.ifRange());
        assertEquals(200, retried.status(), "If-Range with an old ETag gets the whole new file");
        assertEquals(after.length, retried.sent().get());
        assertArrayEquals(after, Files.readAllBytes(file("video.mp4")));
    }

    @Test
    void checksum_mismatch_is_reported_and_file_not_used() throws Exception {
        byte[] served = bytes(50_000, 4);
        server.file("worksheet.pdf", served);
        TestGuard.expectErrors("checksum mismatch");
        startFetcher(config(0, 3600));
        await(fetcher.want(List.of(material("worksheet.pdf", bytes(50_000, 5)))));

        Await.until(WAIT, "the mismatch to be recorded", () -> state("worksheet.pdf").error() != null);
        assertTrue(state("worksheet.pdf").error().contains("checksum mismatch"), state("worksheet.pdf").error());
        assertFalse(state("worksheet.pdf").complete());
        assertFalse(Files.exists(file("worksheet.pdf")), "a file that failed its check is not used");
        assertFalse(Files.exists(part("worksheet.pdf")), "nor kept as a part to resume");
        Await.until(WAIT, "the error to be journaled", () -> rig.metrics("lesson-" + LESSON).stream().anyMatch(m ->
                m.name().equals("Materials/worksheet.pdf/Error") && ((String) m.value()).contains("sha256")));
    }

    @Test
    void file_of_another_size_than_scheduled_is_not_downloaded() throws Exception {
        byte[] scheduled = bytes(50_000, 7);
        server.file("notes.pdf", bytes(900_000, 8));
        startFetcher(config(0, 3600));
        await(fetcher.want(List.of(material("notes.pdf", scheduled))));

        Await.until(WAIT, "the size mismatch to be recorded", () -> state("notes.pdf").error() != null);
        assertTrue(state("notes.pdf").error().contains("has 900000 bytes but the schedule says 50000"),
                state("notes.pdf").error());
        assertEquals(0, partSize("notes.pdf"), "nothing written for a file that could never verify");
        assertFalse(Files.exists(file("notes.pdf")));
    }

    @Test
    void no_bytes_move_while_a_live_lesson_runs() throws Exception {
        byte[] content = bytes(1_500_000, 6);
        server.file("film.mp4", content);
        live.set(true);
        startFetcher(config(4000, 1));
        await(fetcher.want(List.of(material("film.mp4", content))));
        Await.until(WAIT, "the fetcher to leave the link to the lesson twice", () -> fetcher.liveSkips() >= 2);
        assertEquals(0, server.seen().size(), "no request while the lesson runs");

        live.set(false);
        Await.until(WAIT, "a part to grow after the lesson", () -> partSize("film.mp4") > 200_000);
        live.set(true);
        Await.until(WAIT, "the transfer to stop for the next lesson", () -> !fetcher.transferring()
                && server.openConnections() == 0);
        long sent = server.bytesSent();
        long onDisk = partSize("film.mp4");
        long skips = fetcher.liveSkips();
        Await.until(WAIT, "two more checks during the lesson", () -> fetcher.liveSkips() >= skips + 2);
        assertEquals(sent, server.bytesSent(), "bytes the server sent during the lesson");
        assertEquals(onDisk, partSize("film.mp4"));
        assertTrue(onDisk < content.length, "the lesson interrupted the transfer");

        live.set(false);
        Await.until(WAIT, "the material to be complete after the lesson", () -> state("film.mp4").complete());
        MaterialServer.Seen resumed = server.seen().get(server.seen().size() - 1);
        assertEquals("bytes=" + onDisk + "-", resumed.range());
        assertArrayEquals(content, Files.readAllBytes(file("film.mp4")));
    }

    private void startFetcher(MaterialsConfig config) throws Exception {
        fetcher = new MaterialFetcher(rig.vertx(), config, rig.store(), live::get, rig.journal()::append);
        await(fetcher.start());
    }

    private static MaterialsConfig config(int kilobitsPerSecond, int retrySeconds) {
        return new MaterialsConfig(kilobitsPerSecond, 1, 1, retrySeconds, "", 5);
    }

    private Material material(String name, byte[] content) throws Exception {
        String sha256 = HexFormat.of().formatHex(MaterialFiles.newDigest().digest(content));
        return new Material(LESSON, name, server.url(name), content.length, sha256,
                Instant.now().plus(Duration.ofHours(2)));
    }

    private MaterialState state(String name) {
        try {
            return await(rig.store().get(LESSON, name)).orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Path part(String name) {
        return rig.store().files().part(LESSON, name);
    }

    private Path file(String name) {
        return rig.store().files().file(LESSON, name);
    }

    private long partSize(String name) {
        return part(name).toFile().length();
    }

    private static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
