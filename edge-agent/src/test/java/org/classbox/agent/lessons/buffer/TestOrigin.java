package org.classbox.agent.lessons.buffer;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A live HLS origin on 127.0.0.1 made of real ffmpeg segments (two renditions, 1 s each) that appear one per media
 * second at the clock rate; it can refuse every connection (an outage) or send segments slowly (a thin link).
 */
final class TestOrigin {
    static final int SEGMENTS = 16;
    final int segments;
    private final Vertx vertx;
    private final Path dir;
    private final double rate;
    private HttpServer server;
    private long startNanos;
    volatile boolean down;
    volatile boolean garbage;
    volatile long bytesPerSecond;
    private long linkFreeAt;
    volatile boolean huge;
    volatile boolean garbageSegments;
    final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger openConnections = new java.util.concurrent.atomic.AtomicInteger();

    private TestOrigin(Vertx vertx, Path dir, double rate, int segments) {
        this.vertx = vertx;
        this.segments = segments;
        this.dir = dir;
        this.rate = rate;
    }

    /** Encodes the lesson's media with Debian's ffmpeg (about a second) and serves it live from now. */
    static TestOrigin start(Vertx vertx, Path dir, double rate) throws IOException, InterruptedException {
        return start(vertx, dir, rate, SEGMENTS);
    }

    static TestOrigin start(Vertx vertx, Path dir, double rate, int segments)
            throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=160x90:rate=10", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", String.valueOf(segments), "-map", "0:v", "-map", "1:a", "-map", "0:v", "-map", "1:a",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "10", "-b:v:0", "40k", "-b:v:1", "400k",
                "-s:v:0", "80x46", "-c:a", "aac", "-b:a", "32k", "-f", "hls", "-hls_time", "1",
                "-hls_list_size", "0", "-var_stream_map", "v:0,a:0 v:1,a:1",
                "-hls_segment_filename", dir.resolve("r%v_%03d.ts").toString(), dir.resolve("r%v.m3u8").toString())
                .redirectErrorStream(true).start();
        if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + new String(ffmpeg.getInputStream().readAllBytes()));
        }
        TestOrigin origin = new TestOrigin(vertx, dir, rate, segments);
        origin.server = vertx.createHttpServer().requestHandler(origin::handle).connectionHandler(c -> {
            origin.openConnections.incrementAndGet();
            c.closeHandler(v -> origin.openConnections.decrementAndGet());
        });
        origin.server.listen(0, "127.0.0.1").await();
        origin.startNanos = System.nanoTime();
        return origin;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    String masterUri() {
        return "http://127.0.0.1:" + server.actualPort() + "/live/master.m3u8";
    }

    /** Media seconds since the origin started, also after its last segment. */
    double mediaNow() {
        return (System.nanoTime() - startNanos) / 1e9 * rate;
    }

    int available() {
        return (int) Math.min(segments, Math.floor(mediaNow()));
    }

    private void handle(HttpServerRequest req) {
        requests.incrementAndGet();
        if (down) {
            req.connection().close();
            return;
        }
        String path = req.path();
        if (garbage && path.endsWith(".m3u8")) {
            req.response().end("<html>oops</html>");
            return;
        }
        if (path.equals("/live/master.m3u8")) {
            req.response().putHeader("Content-Type", "application/vnd.apple.mpegurl").end("#EXTM3U\n"
                    + "#EXT-X-STREAM-INF:BANDWIDTH=100000,RESOLUTION=80x46\nr0.m3u8\n"
                    + "#EXT-X-STREAM-INF:BANDWIDTH=300000,RESOLUTION=160x90\nr1.m3u8\n");
        } else if (path.matches("/live/r[01]\\.m3u8")) {
            req.response().end(media(path.charAt(7) - '0'));
        } else if (path.matches("/live/r[01]_\\d{3}\\.ts")) {
            segment(req, path.substring(6));
        } else {
            req.response().setStatusCode(404).end();
        }
    }

    private String media(int rendition) {
        int n = available();
        StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n"
                + "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:EVENT\n");
        for (int i = 0; i < n; i++) {
            out.append("#EXTINF:1.000000,\n").append(String.format(Locale.ROOT, "r%d_%03d.ts%n", rendition, i));
        }
        if (n == segments) {
            out.append("#EXT-X-ENDLIST\n");
        }
        return out.toString();
    }

    private void segment(HttpServerRequest req, String name) {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            req.response().setStatusCode(404).end();
            return;
        }
        Buffer body;
        try {
            body = Buffer.buffer(Files.readAllBytes(file));
        } catch (IOException e) {
            req.response().setStatusCode(500).end();
            return;
        }
        if (huge) {
            body = Buffer.buffer(new byte[2 * 1024 * 1024 + 188 * 2]).setByte(0, (byte) 0x47);
        } else if (garbageSegments) {
            body = Buffer.buffer(new byte[188 * 10]).setByte(0, (byte) 0x47); // one good packet, then zeros
        }
        Buffer sent = body;
        long slow = bytesPerSecond;
        if (slow <= 0) {
            req.response().end(sent);
        } else {
            // One slow link, shared by every request in flight: each response waits for the ones before it.
            long now = System.currentTimeMillis();
            long done;
            synchronized (this) {
                linkFreeAt = Math.max(now, linkFreeAt) + sent.length() * 1000L / slow;
                done = linkFreeAt;
            }
            vertx.setTimer(Math.max(1, done - now), id -> req.response().end(sent));
        }
    }

    void stop() {
        server.close().await();
    }
}
