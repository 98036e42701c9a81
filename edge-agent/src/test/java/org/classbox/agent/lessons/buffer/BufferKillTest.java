package org.classbox.agent.lessons.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.lessons.hls.MediaPlaylist;
import org.classbox.agent.lessons.hls.PlaylistParser;
import org.classbox.agent.lessons.hls.Segment;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The buffer in a process of its own, killed with SIGKILL while it follows a lesson, then started again. */
@ExtendWith(TestGuard.class)
class BufferKillTest {
    /** Generous: CI machines are shared, and a child JVM and ffmpeg start slowly when both cores are busy. */
    private static final Duration LESSON = Duration.ofSeconds(120);
    private final HttpClient client = HttpClient.newHttpClient();
    @TempDir
    Path tmp;
    private Vertx vertx;
    private TestOrigin origin;
    private Process agent;

    @AfterEach
    void close() throws Exception {
        if (agent != null) {
            agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        origin.stop();
        vertx.close().await();
    }

    @Test
    void buffer_survives_sigkill_mid_lesson_and_stores_nothing_corrupted() throws Exception {
        vertx = Vertx.vertx();
        origin = TestOrigin.start(vertx, Files.createDirectories(tmp.resolve("origin")), BufferRig.RATE, 24);
        Path data = tmp.resolve("agent");
        int port = startAgent(data, false);
        MediaPlaylist before = Await.value(LESSON, "six entries listed", () -> {
            MediaPlaylist p = playlist(port, "live.m3u8");
            return p != null && p.nextSequence() >= 6 ? p : null;
        });
        agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no stop(), no H2 shutdown
        assertEquals(137, agent.exitValue(), "killed by SIGKILL");

        int again = startAgent(data, false);
        MediaPlaylist after = Await.value(LESSON, "the live playlist to go on", () -> {
            MediaPlaylist p = playlist(again, "live.m3u8");
            return p != null && p.nextSequence() > before.nextSequence() + 2 ? p : null;
        });
        assertTrue(after.mediaSequence() <= before.mediaSequence(), "the same local sequence numbers go on");
        Await.until(LESSON, "the live playlist to end", () -> playlist(again, "live.m3u8").ended());
        agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        int finishing = startAgent(data, true);
        MediaPlaylist vod = Await.value(LESSON, "a complete recording", () -> {
            MediaPlaylist p = playlist(finishing, "vod.m3u8");
            return p != null && p.segments().stream().noneMatch(Segment::gap) ? p : null;
        });
        assertEquals(origin.segments, vod.segments().size());
        for (Segment s : vod.segments()) {
            byte[] served = get(finishing, s.uri()).body();
            String index = String.format("_%03d.ts", s.sequence());
            assertTrue(java.util.Arrays.equals(served, Files.readAllBytes(origin.file("r0" + index)))
                    || java.util.Arrays.equals(served, Files.readAllBytes(origin.file("r1" + index))),
                    s.uri() + " is whole and the origin's");
        }
    }

    private int startAgent(Path data, boolean finish) throws Exception {
        // Its output goes to a file, so the child never blocks on a pipe nobody reads.
        Path log = Files.createTempFile(tmp, "agent", ".log");
        agent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), BufferProcess.class.getName(),
                data.toString(), origin.masterUri(), String.valueOf(BufferRig.RATE), finish ? "finish" : "live")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String port = Await.value(LESSON, "the buffer process to serve", () -> {
            if (!agent.isAlive()) {
                throw new AssertionError("the buffer process exited: " + read(log));
            }
            return read(log).lines().filter(l -> l.startsWith("port ")).findFirst().orElse(null);
        });
        return Integer.parseInt(port.substring(5).strip());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            throw new AssertionError(log + ": " + e, e);
        }
    }

    private HttpResponse<byte[]> get(int port, String file) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/lessons/killed/"
                    + file)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(file + ": " + e, e);
        }
    }

    private MediaPlaylist playlist(int port, String file) {
        HttpResponse<byte[]> r = get(port, file);
        return r.statusCode() == 200 ? PlaylistParser.media(new String(r.body(), StandardCharsets.UTF_8), file)
                : null;
    }
}
