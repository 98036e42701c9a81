package org.classbox.agent.classroom;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * TEST HELPER standing in for the lesson buffer's {@code mediaRouter()} until the parts are joined: a real HLS VOD
 * made by Debian's ffmpeg ({@value #SECONDS} s of test pattern, 1 s segments) in a folder, served as
 * {@code /lessons/{id}/live.m3u8}, {@code vod.m3u8} and the segments they name (relative URIs, like the buffer's).
 */
final class FfmpegHlsMediaRouter {
    /** Long enough for a browser to be seen playing. */
    static final int SECONDS = 12;
    private FfmpegHlsMediaRouter() {
    }

    /** Encodes the media into {@code dir} (about a second) and returns a router serving it for any lesson id. */
    static Router create(Vertx vertx, Path dir) throws Exception {
        Files.createDirectories(dir);
        Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi",
                "-i", "testsrc=size=320x180:rate=25:duration=" + SECONDS, "-c:v", "libx264", "-g", "25",
                "-pix_fmt", "yuv420p",
                "-f", "hls", "-hls_time", "1", "-hls_playlist_type", "vod", "-hls_segment_filename",
                dir.resolve("seg%03d.ts").toString(), dir.resolve("live.m3u8").toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("ffmpeg.log").toFile()).start();
        if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            ffmpeg.destroyForcibly();
            throw new IllegalStateException("ffmpeg could not make the test HLS: " + Files.readString(
                    dir.resolve("ffmpeg.log")));
        }
        Files.copy(dir.resolve("live.m3u8"), dir.resolve("vod.m3u8"));
        Router router = Router.router(vertx);
        router.get("/lessons/:id/:file").handler(ctx -> {
            String file = ctx.pathParam("file");
            if (!file.matches("[a-z0-9]+\\.(m3u8|ts)") || !Files.exists(dir.resolve(file))) {
                ctx.next();
                return;
            }
            ctx.response().putHeader("content-type", file.endsWith(".ts") ? "video/mp2t"
                    : "application/vnd.apple.mpegurl").sendFile(dir.resolve(file).toString());
        });
        return router;
    }
}
