package org.classbox.console.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the operators' pages from {@code webroot} at {@code /} and the charting library at {@code /vendor/}. The
 * pages themselves hold no data: everything they show comes from {@code /api/v1}, behind the login.
 */
public final class WebRoutes {
    private WebRoutes() {
    }

    public static Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        VendorAssets vendor = VendorAssets.load();
        router.get("/vendor/*").handler(vendor::handle);
        // Pages change with each release and are small: no caching, so a new console never serves a stale page.
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
        return router;
    }
}
