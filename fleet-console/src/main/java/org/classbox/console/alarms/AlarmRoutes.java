package org.classbox.console.alarms;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.classbox.console.api.Replies;
import org.classbox.console.auth.Operator;
import org.classbox.console.store.BoxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /alarms?state=active|all&group=&box=&page=1&size=50} (newest first, paged in SQL) and
 * {@code POST /alarms/:id/ack} (200 with the alarm, idempotent, audited once; 404 for no such alarm). Who may
 * acknowledge is the session guard's to decide.
 */
public final class AlarmRoutes {
    private static final Logger log = LoggerFactory.getLogger(AlarmRoutes.class);

    private final BoxStore store;
    private final LongSupplier clock;

    public AlarmRoutes(BoxStore store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Adds the routes to the API router (mounted at {@code /api/v1}). */
    public void mount(Router router) {
        router.get("/alarms").handler(this::list);
        router.post("/alarms/:id/ack").handler(this::ack);
    }

    private void list(RoutingContext ctx) {
        AlarmQuery query;
        try {
            String state = ctx.queryParams().get("state");
            if (state != null && !state.equals("active") && !state.equals("all")) {
                throw new IllegalArgumentException("state must be active or all, but was '" + state + "'");
            }
            query = new AlarmQuery(!"all".equals(state), blankToNull(ctx.queryParams().get("group")),
                    blankToNull(ctx.queryParams().get("box")), number(ctx, "page", 1), number(ctx, "size", 50));
        } catch (IllegalArgumentException e) {
            Replies.error(ctx, 400, e.getMessage());
            return;
        }
        store.read("list alarms", w -> new AlarmRows(w.connection()).page(query)).onSuccess(page -> {
            JsonArray items = new JsonArray();
            page.items().forEach(alarm -> items.add(json(alarm)));
            ctx.response().putHeader("content-type", "application/json")
                    .end(new JsonObject().put("total", page.total()).put("items", items).encode());
        }).onFailure(e -> Replies.storeFailed(ctx, log, e));
    }

    private void ack(RoutingContext ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            Replies.error(ctx, 400, "alarm id must be a whole number, but was '" + ctx.pathParam("id") + "'");
            return;
        }
        String operator = Operator.of(ctx).name();
        store.transaction("acknowledge alarm #" + id, w -> new AlarmRows(w.connection())
                .ack(id, operator, clock.getAsLong())).onSuccess(alarm -> {
                    if (alarm == null) {
                        Replies.error(ctx, 404, "no alarm #" + id);
                    } else {
                        ctx.response().putHeader("content-type", "application/json").end(json(alarm).encode());
                    }
                }).onFailure(e -> Replies.storeFailed(ctx, log, e));
    }

    static JsonObject json(AlarmView alarm) {
        return new JsonObject()
                .put("id", alarm.id())
                .put("groupId", alarm.box().groupId())
                .put("boxId", alarm.box().boxId())
                .put("device", alarm.device())
                .put("name", alarm.name())
                .put("reason", alarm.reason())
                .put("raisedAt", time(alarm.raisedAt()))
                .put("clearedAt", time(alarm.clearedAt()))
                .put("ackedBy", alarm.ackedBy())
                .put("ackedAt", time(alarm.ackedAt()));
    }

    private static String time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }

    private static int number(RoutingContext ctx, String name, int otherwise) {
        String text = ctx.queryParams().get(name);
        if (text == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, but was '" + text + "'");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
