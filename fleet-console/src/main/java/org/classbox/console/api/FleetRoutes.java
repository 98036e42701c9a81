package org.classbox.console.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.LongSupplier;
import org.classbox.console.commissioning.CommissioningRows;
import org.classbox.console.fleet.BoxDetail;
import org.classbox.console.fleet.FleetFilter;
import org.classbox.console.fleet.FleetQueries;
import org.classbox.console.fleet.Rollups;
import org.classbox.console.fleet.Series;
import org.classbox.console.fleet.Status;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.BoxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet views under {@code /api/v1}: {@code GET /fleet/summary}, {@code GET /fleet/boxes},
 * {@code GET /boxes/:group/:box/detail}, {@code GET /boxes/:group/:box/series} and {@code GET /rollups}. Parameters
 * are checked before the store is asked (400 naming the parameter); filtering, sorting and paging happen in SQL.
 */
public final class FleetRoutes {
    private static final Logger log = LoggerFactory.getLogger(FleetRoutes.class);
    private static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_HOURS = 24 * 31;
    private static final int MAX_DAYS = 366;
    private static final long HOUR = 3_600_000L;

    private final BoxStore store;
    private final LongSupplier clock;
    private final long offlineAfterMillis;

    /** Boxes silent for {@code offlineAfterSeconds} (as {@code store.offlineAfterSeconds}) are offline. */
    public FleetRoutes(BoxStore store, LongSupplier clock, int offlineAfterSeconds) {
        this.store = store;
        this.clock = clock;
        this.offlineAfterMillis = offlineAfterSeconds * 1000L;
    }

    public void mount(Router router) {
        router.get("/fleet/summary").handler(ctx -> answer(ctx, () -> {
            FleetFilter filter = place(new FleetParams(ctx.queryParams()));
            long fresh = freshSince();
            return store.read("count the fleet", w -> FleetJson.summary(
                    new FleetQueries(w.connection(), fresh).summary(filter)));
        }));
        router.get("/fleet/boxes").handler(ctx -> answer(ctx, () -> {
            FleetParams p = new FleetParams(ctx.queryParams());
            FleetFilter filter = new FleetFilter(p.choice("status", "online, offline, degraded", Status::parse, null),
                    p.text("region", 64), p.text("county", 64), p.text("school", 128), p.name("alarm", null),
                    p.text("q", 64));
            FleetQueries.Sort sort = p.choice("sort", "worst, id, lastSeen", FleetRoutes::sort,
                    FleetQueries.Sort.WORST);
            int page = p.integer("page", 1, 1_000_000, 1);
            int size = p.integer("size", 1, MAX_PAGE_SIZE, 50);
            long fresh = freshSince();
            return store.read("list the fleet", w -> FleetJson.page(
                    new FleetQueries(w.connection(), fresh).page(filter, sort, page, size)));
        }));
        router.get("/boxes/:group/:box/detail").handler(ctx -> answer(ctx, () -> {
            BoxKey box = box(ctx);
            long fresh = freshSince();
            return store.read("read the detail of " + box, w -> {
                BoxDetail detail = BoxDetail.read(w, box, fresh);
                return detail == null ? null : FleetJson.detail(detail)
                        .put("commissioning", new CommissioningRows(w.connection()).latest(box));
            });
        }));
        router.get("/boxes/:group/:box/series").handler(ctx -> answer(ctx, () -> {
            FleetParams p = new FleetParams(ctx.queryParams());
            String device = p.name("device", "terminal");
            String metric = p.requiredName("metric");
            int hours = p.integer("hours", 1, MAX_HOURS, 24);
            BoxKey box = box(ctx);
            long now = clock.getAsLong();
            return store.read("read " + metric + " of " + device + " of " + box, w -> w.epochOf(box) == null ? null
                    : FleetJson.series(device, metric, Series.read(w.connection(), box, device, metric,
                    now - hours * HOUR, now)));
        }));
        router.get("/rollups").handler(ctx -> answer(ctx, () -> {
            FleetParams p = new FleetParams(ctx.queryParams());
            Rollups.Level level = p.choice("level", "region, county, school, classroom", Rollups.Level::parse,
                    Rollups.Level.REGION);
            FleetFilter filter = place(p);
            int days = p.integer("days", 1, MAX_DAYS, 30);
            long now = clock.getAsLong();
            long fresh = now - offlineAfterMillis;
            return store.read("roll the fleet up by " + level, w -> FleetJson.rollups(level,
                    Rollups.read(w.connection(), level, filter, fresh, now - days * 24 * HOUR)));
        }));
    }

    private long freshSince() {
        return clock.getAsLong() - offlineAfterMillis;
    }

    private static FleetFilter place(FleetParams p) {
        return FleetFilter.place(p.text("region", 64), p.text("county", 64), p.text("school", 128));
    }

    private static BoxKey box(RoutingContext ctx) {
        return new BoxKey(ctx.pathParam("group"), ctx.pathParam("box"));
    }

    private static FleetQueries.Sort sort(String text) {
        return switch (text) {
            case "worst" -> FleetQueries.Sort.WORST;
            case "id" -> FleetQueries.Sort.ID;
            case "lastSeen" -> FleetQueries.Sort.LAST_SEEN;
            default -> null;
        };
    }

    /** Checks the request, then answers 200 with the JSON, 404 when the box is unknown (null), 400 or 500. */
    private static void answer(RoutingContext ctx, Query query) {
        Future<JsonObject> json;
        try {
            json = query.run();
        } catch (IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        json.onSuccess(body -> {
            if (body == null) {
                error(ctx, 404, "no box '" + ctx.pathParam("box") + "' in group '" + ctx.pathParam("group") + "'");
            } else {
                ctx.response().putHeader("content-type", "application/json").end(body.encode());
            }
        }).onFailure(e -> {
            log.error("{} {} failed: {}", ctx.request().method(), ctx.request().path(), e.getMessage());
            error(ctx, 500, "the console could not read its store; see its log");
        });
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }

    /** Reads the parameters (throwing on a bad one) and starts the store's work. */
    @FunctionalInterface
    private interface Query {
        Future<JsonObject> run();
    }
}
