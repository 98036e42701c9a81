package org.classbox.sim.lessons;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves what ffmpeg wrote under the live folder: {@code GET /live/<lesson>/master.m3u8}, {@code .../360p/index.m3u8}
 * and {@code .../360p/seg-00042.ts}, with HLS content types. Anything else, a file not written yet, or ffmpeg's
 * half-written {@code .tmp} files answer 404; playlists are never cached, since they grow while the lesson runs.
 */
final class LessonFiles {
    static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
    static final String SEGMENT_TYPE = "video/mp2t";
    private static final Map<String, String> TYPES = Map.of(".m3u8", PLAYLIST_TYPE, ".ts", SEGMENT_TYPE);

    private final Path liveDir;

    LessonFiles(Path liveDir) {
        this.liveDir = liveDir.toAbsolutePath().normalize();
    }

    void handle(RoutingContext rc) {
        String relative = rc.pathParam("*");
        String type = relative == null ? null : typeOf(relative);
        Path file = relative == null ? null : liveDir.resolve(relative).normalize();
        if (type == null || !file.startsWith(liveDir) || file.equals(liveDir)) {
            rc.response().setStatusCode(404).end();
            return;
        }
        rc.vertx().fileSystem().exists(file.toString()).onComplete(exists -> {
            if (rc.response().closed()) {
                // The box went away meanwhile (a link outage resets its connections). Vert.x 5.0 throws a
                // NullPointerException on the event loop for sendFile on a closed HTTP/1 connection.
                return;
            }
            if (exists.failed() || !exists.result()) {
                rc.response().setStatusCode(404).end();
                return;
            }
            rc.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, type)
                    .putHeader(HttpHeaders.CACHE_CONTROL, type.equals(PLAYLIST_TYPE) ? "no-cache" : "max-age=86400")
                    .sendFile(file.toString())
                    // ffmpeg renames a playlist over the old one; a request that lost that race gets a 404.
                    .onFailure(e -> {
                        if (!rc.response().headWritten()) {
                            rc.response().setStatusCode(404).end();
                        }
                    });
        });
    }

    private static String typeOf(String relative) {
        return TYPES.entrySet().stream().filter(e -> relative.endsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
