package org.classbox.console.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.BoxStore;
import org.classbox.console.store.LessonWrites;
import org.classbox.sparkplug.lessons.LessonMetrics;
import org.classbox.sparkplug.lessons.Schedule;
import org.classbox.sparkplug.lessons.ScheduleCodec;
import org.classbox.sparkplug.lessons.ScheduleException;
import org.classbox.sparkplug.lessons.ScheduleTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A box's lesson schedule and figures. {@code PUT /boxes/:group/:box/schedule} validates the body with the same codec
 * the box uses (400 naming the field), refuses a version not newer than the one published (409), publishes it
 * retained on the box's schedule topic and remembers it. {@code GET .../schedule} shows the version published and the
 * version the box acknowledged with its error; {@code GET .../lessons} each lesson's latest figures.
 */
public final class ScheduleRoutes {
    private static final Logger log = LoggerFactory.getLogger(ScheduleRoutes.class);
    private static final String LESSON_PREFIX = "lesson-";

    private final BoxStore store;
    private final BiFunction<String, byte[], Future<Void>> publishRetained;
    private final LongSupplier clock;

    public ScheduleRoutes(BoxStore store, BiFunction<String, byte[], Future<Void>> publishRetained,
                          LongSupplier clock) {
        this.store = store;
        this.publishRetained = publishRetained;
        this.clock = clock;
    }

    void mount(Router router) {
        router.put("/boxes/:group/:box/schedule").handler(BodyHandler.create().setBodyLimit(ScheduleCodec.MAX_BYTES))
                .handler(this::put);
        router.get("/boxes/:group/:box/schedule").handler(this::get);
        router.get("/boxes/:group/:box/lessons").handler(this::lessons);
    }

    private void put(RoutingContext ctx) {
        BoxKey box = new BoxKey(ctx.pathParam("group"), ctx.pathParam("box"));
        String topic;
        Schedule schedule;
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        try {
            topic = ScheduleTopic.of(box.groupId(), box.boxId());
            schedule = ScheduleCodec.decode(body);
        } catch (ScheduleException | IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        store.read("read the schedule published to " + box, w -> w.lessons().publishedVersion(box))
                .compose(published -> {
                    if (published != null && schedule.version() <= published) {
                        error(ctx, 409, "version " + schedule.version() + " is not newer than version " + published
                                + ", already published to " + box.groupId() + "/" + box.boxId());
                        return Future.succeededFuture();
                    }
                    return publishRetained.apply(topic, body)
                            .compose(v -> store.transaction("remember the schedule published to " + box,
                                    w -> {
                                        w.lessons().savePublished(box, schedule.version(), body, clock.getAsLong());
                                        return null;
                                    }))
                            .onSuccess(v -> {
                                log.info("published schedule version {} with {} lessons to {}/{}", schedule.version(),
                                        schedule.lessons().size(), box.groupId(), box.boxId());
                                ctx.response().setStatusCode(202).putHeader("content-type", "application/json")
                                        .end(new JsonObject().put("version", schedule.version())
                                                .put("topic", topic).encode());
                            });
                })
                .onFailure(e -> failed(ctx, e));
    }

    private void get(RoutingContext ctx) {
        BoxKey box = new BoxKey(ctx.pathParam("group"), ctx.pathParam("box"));
        store.read("read the schedule of " + box, w -> {
            LessonWrites lessons = w.lessons();
            JsonObject answer = new JsonObject();
            LessonWrites.PublishedSchedule published = lessons.published(box);
            answer.put("published", published == null ? null : new JsonObject()
                    .put("version", published.version())
                    .put("publishedAt", Instant.ofEpochMilli(published.publishedAt()).toString())
                    .put("schedule", new JsonObject(new String(published.body(), StandardCharsets.UTF_8))));
            Map<String, String> ack = lessons.latest(box, LessonMetrics.SCHEDULE_DEVICE)
                    .getOrDefault(LessonMetrics.SCHEDULE_DEVICE, Map.of());
            String version = ack.get(LessonMetrics.SCHEDULE_VERSION);
            String error = ack.get(LessonMetrics.SCHEDULE_ERROR);
            answer.put("box", version == null ? null : new JsonObject().put("version", Long.parseLong(version))
                    .put("error", error == null || error.isEmpty() ? null : error));
            return answer.encode();
        }).onSuccess(json -> ctx.response().putHeader("content-type", "application/json").end(json))
                .onFailure(e -> failed(ctx, e));
    }

    private void lessons(RoutingContext ctx) {
        BoxKey box = new BoxKey(ctx.pathParam("group"), ctx.pathParam("box"));
        store.read("read the lesson figures of " + box, w -> w.lessons().latest(box, LESSON_PREFIX)).map(devices -> {
            JsonArray array = new JsonArray();
            devices.forEach((device, figures) -> array.add(new JsonObject()
                    .put("lessonId", device.substring(LESSON_PREFIX.length()))
                    .put("figures", new JsonObject(Map.copyOf(figures)))));
            return array.encode();
        }).onSuccess(json -> ctx.response().putHeader("content-type", "application/json").end(json))
                .onFailure(e -> failed(ctx, e));
    }

    private static void failed(RoutingContext ctx, Throwable e) {
        log.error("{} {} failed: {}", ctx.request().method(), ctx.request().path(), e.getMessage());
        if (!ctx.response().ended()) {
            error(ctx, 503, "the console could not publish or store the schedule; see its log");
        }
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
