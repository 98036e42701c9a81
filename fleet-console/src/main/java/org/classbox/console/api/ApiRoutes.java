package org.classbox.console.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.classbox.console.sparkplug.IngestCounters;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.BoxStore;
import org.classbox.console.store.BoxView;
import org.classbox.console.store.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/boxes}, {@code GET /api/v1/boxes/:boxId}, {@code GET /api/v1/boxes/:boxId/samples} (both with
 * {@code ?group=} when a box id is used in several groups),
 * {@code GET /api/v1/boxes/:group/:boxId/lessons/:lessonId/events}, {@code GET /api/v1/boxes/:group/:boxId/devices}
 * ({@link DeviceJson}) and {@code GET /api/v1/ingest}; with
 * {@link ScheduleRoutes}, each box's schedule and lesson figures.
 */
public final class ApiRoutes {
    private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);
    private static final int MAX_LIMIT = 10_000;

    private final BoxStore store;
    private final IngestCounters ingest;
    private final LongSupplier clock;
    private final ScheduleRoutes schedules;

    public ApiRoutes(BoxStore store, IngestCounters ingest, LongSupplier clock) {
        this(store, ingest, clock, null);
    }

    /** With {@code schedules} (null: none) the schedule and lesson routes are served too. */
    public ApiRoutes(BoxStore store, IngestCounters ingest, LongSupplier clock, ScheduleRoutes schedules) {
        this.store = store;
        this.ingest = ingest;
        this.clock = clock;
        this.schedules = schedules;
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.get("/boxes").handler(ctx -> reply(ctx, store.boxes(clock.getAsLong()).map(boxes -> {
            JsonArray array = new JsonArray();
            boxes.forEach(box -> array.add(json(box)));
            return array.encode();
        })));
        router.get("/boxes/:boxId").handler(ctx -> withBox(ctx, box -> ctx.response()
                .putHeader("content-type", "application/json").end(json(box).encode())));
        router.get("/boxes/:boxId/samples").handler(this::samples);
        if (schedules != null) {
            schedules.mount(router);
        }
        router.get("/boxes/:group/:boxId/lessons/:lessonId/events").handler(this::lessonEvents);
        router.get("/boxes/:group/:boxId/devices").handler(this::devices);
        // Counters answer even while the store fails: that is when they matter.
        router.get("/ingest").handler(ctx -> reply(ctx, store.parkedCount().otherwise((Long) null).map(parked -> {
            Map<String, Object> counts = ingest.snapshot();
            counts.put("parkedNow", parked);
            return new JsonObject(counts).encode();
        })));
        return router;
    }

    /** Finds the box named by the path (and {@code ?group=}); answers 404 or 409 itself when there is not one. */
    private void withBox(RoutingContext ctx, java.util.function.Consumer<BoxView> found) {
        String boxId = ctx.pathParam("boxId");
        String group = ctx.queryParams().get("group");
        store.boxesWithId(boxId, clock.getAsLong()).onSuccess(all -> {
            List<BoxView> boxes = all.stream().filter(b -> group == null || b.groupId().equals(group)).toList();
            if (boxes.isEmpty()) {
                error(ctx, 404, "no box '" + boxId + "'" + (group == null ? "" : " in group '" + group + "'"));
            } else if (boxes.size() > 1) {
                error(ctx, 409, "box id '" + boxId + "' is used in groups " + boxes.stream().map(BoxView::groupId)
                        .toList() + "; add ?group=");
            } else {
                found.accept(boxes.get(0));
            }
        }).onFailure(e -> failed(ctx, e));
    }

    private void samples(RoutingContext ctx) {
        String limitText = ctx.queryParams().get("limit");
        int limit;
        try {
            limit = limitText == null ? 100 : Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            error(ctx, 400, "limit must be a whole number in [1, " + MAX_LIMIT + "], but was '" + limitText + "'");
            return;
        }
        int rows = limit;
        withBox(ctx, box -> reply(ctx, store.samples(box.key(), rows).map(samples -> {
            JsonArray array = new JsonArray();
            samples.forEach(sample -> array.add(json(sample)));
            return array.encode();
        })));
    }

    /** Every device of the box with its latest metrics and active alarms; 404 for a box never born. */
    private void devices(RoutingContext ctx) {
        BoxKey box = new BoxKey(ctx.pathParam("group"), ctx.pathParam("boxId"));
        store.read("read the devices of " + box, w -> w.epochOf(box) == null ? null : w.devices().latest(box))
                .onSuccess(devices -> {
                    if (devices == null) {
                        error(ctx, 404, "no box '" + box.boxId() + "' in group '" + box.groupId() + "'");
                    } else {
                        ctx.response().putHeader("content-type", "application/json")
                                .end(DeviceJson.of(devices).encode());
                    }
                }).onFailure(e -> failed(ctx, e));
    }

    /** The lesson's back-channel records in journal order; a snapshot's picture as base64 JPEG. */
    private void lessonEvents(RoutingContext ctx) {
        String lessonId = ctx.pathParam("lessonId");
        if (!lessonId.matches("[A-Za-z0-9._-]{1,48}")) {
            error(ctx, 400, "lesson id must match [A-Za-z0-9._-]{1,48}, but was '" + lessonId + "'");
            return;
        }
        BoxKey box = new BoxKey(ctx.pathParam("group"), ctx.pathParam("boxId"));
        reply(ctx, store.lessonEvents(box, lessonId, MAX_LIMIT).map(events -> {
            JsonArray array = new JsonArray();
            events.forEach(event -> array.add(new JsonObject()
                    .put("recordId", event.recordId())
                    .put("epoch", event.epoch())
                    .put("kind", event.kind())
                    .put("mediaTime", event.mediaTime())
                    .put("text", event.text())
                    .put("count", event.count())
                    // Standard base64 with padding (Vert.x would write byte[] as base64url): what a data: URL takes.
                    .put("jpeg", event.picture() == null ? null : Base64.getEncoder().encodeToString(event.picture()))
                    .put("takenAt", Instant.ofEpochMilli(event.takenAt()).toString())
                    .put("historical", event.historical())));
            return array.encode();
        }));
    }

    private static JsonObject json(BoxView box) {
        return new JsonObject()
                .put("boxId", box.boxId())
                .put("groupId", box.groupId())
                .put("online", box.online())
                .put("lastSeen", Instant.ofEpochMilli(box.lastSeen()).toString())
                .put("projector", new JsonObject()
                        .put("power", box.projector().power())
                        .put("input", box.projector().input())
                        .put("lampHours", box.projector().lampHours())
                        .put("error", box.projector().error())
                        .put("reachable", box.projector().reachable()));
    }

    private static JsonObject json(Sample sample) {
        return new JsonObject()
                .put("recordId", sample.recordId())
                .put("device", sample.device())
                .put("epoch", sample.epoch())
                .put("metric", sample.metric())
                .put("takenAt", Instant.ofEpochMilli(sample.takenAt()).toString())
                .put("value", sample.value())
                .put("historical", sample.historical());
    }

    private static void reply(RoutingContext ctx, Future<String> body) {
        body.onSuccess(json -> {
            ctx.response().putHeader("content-type", "application/json").end(json);
        }).onFailure(e -> failed(ctx, e));
    }

    private static void failed(RoutingContext ctx, Throwable e) {
        log.error("{} {} failed: {}", ctx.request().method(), ctx.request().path(), e.getMessage());
        error(ctx, 500, "the console could not read its store; see its log");
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
