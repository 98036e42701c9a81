package org.classbox.console.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;

/** The JSON error answers every route gives: a message for the operator, never a stack trace. */
public final class Replies {
    private Replies() {
    }

    /** Answers {@code status} with {@code {"error": message}}. */
    public static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }

    /** The store failed: logged with the request, answered 500 without internals. */
    public static void storeFailed(RoutingContext ctx, Logger log, Throwable e) {
        log.error("{} {} failed: {}", ctx.request().method(), ctx.request().path(), e.getMessage());
        if (!ctx.response().ended()) {
            error(ctx, 500, "the console could not read or write its store; see its log");
        }
    }
}
