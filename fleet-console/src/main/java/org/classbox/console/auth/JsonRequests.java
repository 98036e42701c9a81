package org.classbox.console.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small JSON bodies in, {@code {"error": ...}} out, for the account routes and the other routes that take a body
 * (the PKI's). A body that is too large, not a JSON
 * object, or misses a field is answered 400 naming what was wrong, and nothing changes.
 */
public final class JsonRequests {
    public static final int MAX_BODY_BYTES = 4096;
    private static final Logger log = LoggerFactory.getLogger(JsonRequests.class);

    private JsonRequests() {
    }

    /** Reads the body (at most {@link #MAX_BODY_BYTES}) before the route's handler; too large is a 400, not a 413. */
    public static Route withBody(Route route) {
        return route.handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                error(ctx, 400, "the body must be a JSON object of at most " + MAX_BODY_BYTES + " bytes");
            } else {
                failed(ctx, ctx.failure());
            }
        });
    }

    /** The body as a JSON object, or null after answering 400. */
    public static JsonObject object(RoutingContext ctx) {
        String text = ctx.body().asString();
        try {
            if (text != null && !text.isBlank()) {
                return new JsonObject(text);
            }
        } catch (DecodeException e) {
            // Answered below: the body was not a JSON object (an array, a number, garbage).
        }
        error(ctx, 400, "the body must be a JSON object");
        return null;
    }

    /** The string field, or null after answering 400 naming it. */
    public static String string(RoutingContext ctx, JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value instanceof String text) {
            return text;
        }
        error(ctx, 400, "field '" + field + "' must be a string" + (value == null ? ", but is missing" : ""));
        return null;
    }

    public static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .putHeader("cache-control", "no-store").end(body.toString());
    }

    public static void error(RoutingContext ctx, int status, String message) {
        if (!ctx.response().ended()) {
            json(ctx, status, new JsonObject().put("error", message).encode());
        }
    }

    /** The store failed: logged here, and the browser learns no internals. */
    public static void failed(RoutingContext ctx, Throwable e) {
        log.error("{} {} failed: {}", ctx.request().method(), ctx.request().path(),
                e == null ? "unknown" : e.getMessage());
        error(ctx, 500, "the console could not complete this; see its log");
    }
}
