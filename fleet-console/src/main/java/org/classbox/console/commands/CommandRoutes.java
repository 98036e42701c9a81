package org.classbox.console.commands;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.List;
import org.classbox.console.api.Replies;
import org.classbox.console.auth.Operator;
import org.classbox.console.store.BoxKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /boxes/:group/:box/commands} ({@code {"device","name","value"}}; no device for the node's
 * {@code Rebirth} and {@code Reboot}) answers 202 with the command once the broker took it; 400 for an unknown
 * command, device or a value of the wrong type, 404 for an unknown box, 503 when the broker did not take it (the row
 * stays, {@code failed}). {@code GET /boxes/:group/:box/commands?limit=50} and {@code GET /commands?limit=100}: newest
 * first. Who may send is the session guard's to decide; the operator is read for the row and the audit.
 */
public final class CommandRoutes {
    private static final Logger log = LoggerFactory.getLogger(CommandRoutes.class);
    private static final int MAX_LIMIT = 1_000;

    private final Commands commands;

    public CommandRoutes(Commands commands) {
        this.commands = commands;
    }

    /** Adds the routes to the API router (mounted at {@code /api/v1}). */
    public void mount(Router router) {
        router.post("/boxes/:group/:box/commands").handler(BodyHandler.create().setBodyLimit(4096))
                .handler(this::send);
        router.get("/boxes/:group/:box/commands").handler(ctx -> list(ctx, box(ctx), 50));
        router.get("/commands").handler(ctx -> list(ctx, null, 100));
    }

    private void send(RoutingContext ctx) {
        BoxKey box;
        CommandCatalog.Command command;
        try {
            box = box(ctx);
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                throw new IllegalArgumentException("the body must be a JSON object such as"
                        + " {\"device\":\"projector\",\"name\":\"Power\",\"value\":\"on\"}");
            }
            Object device = body.getValue("device");
            Object name = body.getValue("name");
            if (device != null && !(device instanceof String) || name != null && !(name instanceof String)) {
                throw new IllegalArgumentException("device and name must be strings");
            }
            command = CommandCatalog.check((String) device, (String) name, body.getValue("value"));
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            Replies.error(ctx, 400, e.getMessage());
            return;
        }
        commands.send(box, command, Operator.of(ctx).name())
                .onSuccess(row -> ctx.response().setStatusCode(202).putHeader("content-type", "application/json")
                        .end(json(row).encode()))
                .onFailure(e -> {
                    if (e instanceof CommandException c) {
                        Replies.error(ctx, switch (c.kind()) {
                            case NO_BOX -> 404;
                            case NO_DEVICE -> 400;
                            case NOT_SENT -> 503;
                        }, c.getMessage());
                    } else {
                        Replies.storeFailed(ctx, log, e);
                    }
                });
    }

    private void list(RoutingContext ctx, BoxKey box, int defaultLimit) {
        String text = ctx.queryParams().get("limit");
        int limit;
        try {
            limit = text == null ? defaultLimit : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            Replies.error(ctx, 400, "limit must be a whole number in [1, " + MAX_LIMIT + "], but was '" + text + "'");
            return;
        }
        commands.newest(box, limit).onSuccess(rows -> {
            JsonArray array = new JsonArray();
            rows.forEach(row -> array.add(json(row)));
            ctx.response().putHeader("content-type", "application/json").end(array.encode());
        }).onFailure(e -> Replies.storeFailed(ctx, log, e));
    }

    private static BoxKey box(RoutingContext ctx) {
        return new BoxKey(ctx.pathParam("group"), ctx.pathParam("box"));
    }

    /** A command as the API shows it: the node's commands have device null. */
    static JsonObject json(CommandView row) {
        return new JsonObject()
                .put("id", row.id())
                .put("groupId", row.box().groupId())
                .put("boxId", row.box().boxId())
                .put("device", row.device().isEmpty() ? null : row.device())
                .put("name", row.name())
                .put("value", List.of("true", "false").contains(row.value()) ? Boolean.valueOf(row.value())
                        : row.value())
                .put("operator", row.operator())
                .put("sentAt", Instant.ofEpochMilli(row.sentAt()).toString())
                .put("state", row.state())
                .put("outcome", row.outcome())
                .put("answeredAt", row.answeredAt() == null ? null : Instant.ofEpochMilli(row.answeredAt()).toString());
    }
}
