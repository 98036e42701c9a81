package org.classbox.console.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** Serves the operators' page at {@code /}. */
public final class WebRoutes {
    private WebRoutes() {
    }

    public static Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
        return router;
    }
}
