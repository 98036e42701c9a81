package org.classbox.console.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.classbox.console.store.BoxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/audit?page=1&size=50} (operators and admins; the guard checks) -> {@code {"total","items":[...]}},
 * newest first.
 */
public final class AuditRoutes {
    private static final Logger log = LoggerFactory.getLogger(AuditRoutes.class);
    static final int MAX_SIZE = 200;

    private final BoxStore store;

    public AuditRoutes(BoxStore store) {
        this.store = store;
    }

    /** Mounts on the console's root router, after the session guard. */
    public void mount(Router root) {
        root.get("/api/v1/audit").handler(this::list);
    }

    private void list(RoutingContext ctx) {
        Integer page = number(ctx, "page", 1, 1, 1_000_000);
        Integer size = page == null ? null : number(ctx, "size", 50, 1, MAX_SIZE);
        if (size == null) {
            return;
        }
        store.read("read the audit log", w -> new JsonObject().put("total", AuditQuery.count(w.connection()))
                .put("items", items(AuditQuery.page(w.connection(), page, size)))).onSuccess(json -> ctx.response()
                .putHeader("content-type", "application/json").end(json.encode())).onFailure(e -> {
                    log.error("GET {} failed: {}", ctx.request().path(), e.getMessage());
                    error(ctx, 500, "the console could not read its store; see its log");
                });
    }

    private static JsonArray items(java.util.List<AuditQuery.Entry> entries) {
        JsonArray items = new JsonArray();
        entries.forEach(e -> items.add(new JsonObject().put("id", e.id()).put("at", Instant.ofEpochMilli(e.at())
                .toString()).put("operator", e.operator()).put("action", e.action()).put("target", e.target())
                .put("detail", e.detail()).put("outcome", e.outcome())));
        return items;
    }

    /** The query parameter as a whole number in [min, max], its default when absent, or null after a 400. */
    private static Integer number(RoutingContext ctx, String name, int defaultValue, int min, int max) {
        String text = ctx.queryParams().get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        error(ctx, 400, name + " must be a whole number in [" + min + ", " + max + "], but was '" + text + "'");
        return null;
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
