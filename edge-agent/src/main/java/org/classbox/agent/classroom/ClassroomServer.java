package org.classbox.agent.classroom;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.classbox.agent.config.ClassroomConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's classroom server: the page and hls.js, the lesson buffer's playlists and segments (the media router,
 * mounted at {@code /}), and the local API {@code /api/v1/...} (lessons, events, player reports, status, privacy).
 * Replies to a browser or a classroom app carry a clear message and never internals.
 */
public final class ClassroomServer {
    /** Larger bodies get 413: an event is a few hundred bytes. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ClassroomServer.class);

    private final Vertx vertx;
    private final ClassroomConfig config;
    private final Router media;
    private final ClassroomSources sources;
    private final BackChannel backChannel;
    private final Privacy privacy;
    private final PlayerReports reports;
    private final LongSupplier clock;
    private HttpServer server;

    /** @param media the lesson buffer's router ({@code /lessons/{id}/live.m3u8}, {@code vod.m3u8}, segments) */
    public ClassroomServer(Vertx vertx, ClassroomConfig config, Router media, ClassroomSources sources,
                           Parts parts, LongSupplier clock) {
        this.vertx = vertx;
        this.config = config;
        this.media = media;
        this.sources = sources;
        this.backChannel = parts.backChannel();
        this.privacy = parts.privacy();
        this.reports = parts.reports();
        this.clock = clock;
    }

    /** The back channel, privacy and player reports the server acts on. */
    public record Parts(BackChannel backChannel, Privacy privacy, PlayerReports reports) {
    }

    public Future<Void> start() {
        StaticAssets assets = StaticAssets.load();
        Router router = Router.router(vertx);
        router.route("/api/v1/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                .failureHandler(ctx -> error(ctx, ctx.statusCode() == 413 ? 413 : 400, ctx.statusCode() == 413
                        ? "body is larger than the limit of " + MAX_BODY_BYTES + " bytes" : "body cannot be read"));
        router.get("/api/v1/lessons").handler(this::lessons);
        router.post("/api/v1/events").handler(this::event);
        router.post("/api/v1/player").handler(this::player);
        router.get("/api/v1/status").handler(this::status);
        router.post("/api/v1/privacy").handler(ctx -> setPrivacy(ctx, true));
        router.delete("/api/v1/privacy").handler(ctx -> setPrivacy(ctx, false));
        router.get("/api/v1/privacy").handler(ctx -> json(ctx, 200, new JsonObject().put("privacy", privacy.on())));
        router.route("/api/v1/*").handler(ctx -> error(ctx, 404, "no such API: " + ctx.request().method() + " "
                + ctx.normalizedPath()));
        router.get("/*").handler(assets::handle);
        router.route("/*").subRouter(media);
        return vertx.createHttpServer().requestHandler(router).listen(config.port(), config.host())
                .onSuccess(s -> {
                    server = s;
                    log.info("classroom page on http://{}:{}/", config.host(), s.actualPort());
                }).mapEmpty();
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** The port it listens on (the configured one, or the one chosen for port 0). */
    public int port() {
        return server.actualPort();
    }

    private void lessons(RoutingContext ctx) {
        sources.lessons().lessons().map(ClassroomServer::byStart).onSuccess(all -> {
            JsonArray array = new JsonArray();
            all.forEach(lesson -> array.add(json(lesson)));
            json(ctx, 200, array);
        }).onFailure(e -> unavailable(ctx, "lessons", e));
    }

    private void event(RoutingContext ctx) {
        ClassroomEvent event;
        try {
            event = ClassroomEvent.parse(ctx.body().asString());
        } catch (BadRequest e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        sources.lessons().lessons().compose(all -> {
            if (all.stream().noneMatch(l -> l.id().equals(event.lessonId()))) {
                error(ctx, 400, "lessonId '" + event.lessonId() + "' is not a lesson of this box");
                return Future.succeededFuture();
            }
            // 202 only once the journal holds it: from then on it reaches the fleet whatever happens to the box.
            return backChannel.event(event, clock.getAsLong()).onSuccess(id -> json(ctx, 202,
                    new JsonObject().put("recordId", id).put("lessonId", event.lessonId())));
        }).onFailure(e -> unavailable(ctx, "event", e));
    }

    private void player(RoutingContext ctx) {
        PlayerReports.Report report;
        try {
            report = PlayerReports.parse(ctx.body().asString());
        } catch (BadRequest e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        // Only the box's lessons are counted: a client on the LAN cannot grow the sums without bound.
        sources.lessons().lessons().onSuccess(all -> {
            if (all.stream().noneMatch(l -> l.id().equals(report.lessonId()))) {
                error(ctx, 400, "lessonId '" + report.lessonId() + "' is not a lesson of this box");
                return;
            }
            reports.add(report);
            ctx.response().setStatusCode(204).end();
        }).onFailure(e -> unavailable(ctx, "player report", e));
    }

    private void status(RoutingContext ctx) {
        Instant now = Instant.ofEpochMilli(clock.getAsLong());
        sources.lessons().lessons().map(ClassroomServer::byStart).onSuccess(all -> {
            ClassroomLesson current = all.stream().filter(l -> l.runsAt(now)).findFirst().orElse(null);
            ClassroomLesson next = all.stream().filter(l -> l.start().isAfter(now)).findFirst().orElse(null);
            JsonObject status = new JsonObject()
                    .put("link", sources.linkState().get())
                    .put("privacy", privacy.on())
                    .put("now", now.toString())
                    .put("lesson", current == null ? null : json(current))
                    .put("nextLesson", next == null ? null : json(next));
            Optional<BufferFigures> buffer = current == null ? Optional.empty() : sources.buffer().apply(current.id());
            status.put("secondsBuffered", buffer.map(BufferFigures::secondsBuffered).orElse(null));
            status.put("delaySeconds", buffer.map(BufferFigures::delaySeconds).orElse(null));
            json(ctx, 200, status);
        }).onFailure(e -> unavailable(ctx, "status", e));
    }

    private void setPrivacy(RoutingContext ctx, boolean on) {
        privacy.set(on, "classroom API").onSuccess(v -> json(ctx, 200, new JsonObject().put("privacy", on)))
                .onFailure(e -> unavailable(ctx, "privacy", e));
    }

    /** Lessons by start (the page takes the last ended one for its replay, the status the first to come). */
    private static List<ClassroomLesson> byStart(List<ClassroomLesson> lessons) {
        return lessons.stream().sorted(Comparator.comparing(ClassroomLesson::start)).toList();
    }

    private static JsonObject json(ClassroomLesson lesson) {
        String base = "/lessons/" + lesson.id() + "/";
        return new JsonObject().put("id", lesson.id()).put("title", lesson.title())
                .put("start", lesson.start().toString()).put("end", lesson.end().toString())
                .put("state", lesson.state())
                .put("live", base + "live.m3u8").put("vod", base + "vod.m3u8");
    }

    private static void unavailable(RoutingContext ctx, String what, Throwable e) {
        log.warn("classroom API {} {} failed: {}", ctx.request().method(), ctx.normalizedPath(), e.getMessage());
        if (!ctx.response().ended()) {
            error(ctx, 503, "the box could not handle the " + what + " request just now; try again");
        }
    }

    private static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, new JsonObject().put("error", message));
    }

    private static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(body instanceof JsonObject ? ((JsonObject) body).encode() : ((JsonArray) body).encode());
    }
}
