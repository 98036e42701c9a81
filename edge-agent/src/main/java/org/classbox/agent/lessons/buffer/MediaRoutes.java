package org.classbox.agent.lessons.buffer;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classbox.agent.lessons.hls.MediaPlaylist;
import org.classbox.agent.lessons.hls.PlaylistWriter;

/** The local HTTP face of the buffer; segment URIs are relative, so the router works at any mount point. */
final class MediaRoutes {
    private static final Pattern SEGMENT = Pattern.compile("s(\\d{1,18})\\.ts");
    private static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";

    private final Vertx vertx;
    /** Known once the buffers started; the router may be made (and mounted) before that. */
    private final Supplier<Context> followersContext;
    private final SegmentStore store;
    private final Function<String, LiveFollower> followers;
    private final int window;

    MediaRoutes(Vertx vertx, Supplier<Context> followersContext, SegmentStore store,
                Function<String, LiveFollower> followers, int window) {
        this.vertx = vertx;
        this.followersContext = followersContext;
        this.store = store;
        this.followers = followers;
        this.window = window;
    }

    Router router() {
        Router router = Router.router(vertx);
        router.get("/lessons/:id/live.m3u8").handler(rc -> playlist(rc, false));
        router.get("/lessons/:id/vod.m3u8").handler(rc -> playlist(rc, true));
        router.get("/lessons/:id/:file").handler(this::segment);
        return router;
    }

    private void playlist(RoutingContext rc, boolean vod) {
        LiveFollower f = followers.apply(rc.pathParam("id"));
        if (f == null || !f.timeline.started()) {
            rc.response().setStatusCode(404).end("no such lesson buffered\n");
            return;
        }
        if (vod && !f.finished) {
            rc.response().setStatusCode(404).end("the lesson has not ended\n");
            return;
        }
        // The timeline belongs to the followers' event loop: read it there, answer back on the server's own.
        Context server = vertx.getOrCreateContext();
        followersContext.get().runOnContext(v -> {
            MediaPlaylist playlist = vod ? f.timeline.vodPlaylist() : f.timeline.livePlaylist(window);
            String text = PlaylistWriter.write(playlist);
            server.runOnContext(w -> rc.response().putHeader("Content-Type", PLAYLIST_TYPE)
                    .putHeader("Cache-Control", "no-cache").end(text));
        });
    }

    private void segment(RoutingContext rc) {
        String id = rc.pathParam("id");
        Matcher m = SEGMENT.matcher(rc.pathParam("file"));
        if (followers.apply(id) == null || !m.matches()) {
            rc.response().setStatusCode(404).end("no such segment\n");
            return;
        }
        store.path(id, Long.parseLong(m.group(1))).onComplete(ar -> {
            if (rc.response().closed()) {
                // The player went away meanwhile; Vert.x 5.0 throws on the event loop for sendFile on a closed
                // HTTP/1 connection.
                return;
            }
            if (ar.failed() || ar.result() == null) {
                rc.response().setStatusCode(404).end("segment not stored\n");
            } else {
                // sendfile: the bytes go from the page cache to the socket, never through the heap.
                rc.response().putHeader("Content-Type", "video/mp2t").sendFile(ar.result().toString());
            }
        });
    }
}
