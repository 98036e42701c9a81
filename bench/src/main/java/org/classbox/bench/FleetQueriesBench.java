package org.classbox.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.classbox.console.api.FleetRoutes;
import org.classbox.console.config.StoreConfig;
import org.classbox.console.fleet.SyntheticFleet;
import org.classbox.console.store.BoxStore;

/**
 * The fleet views' endpoints on 10,000 boxes ({@link SyntheticFleet}: 8 regions, 160 counties, 800 schools, ~16
 * device metrics and 10 lessons each, one box with a week of RTT samples every 30 s), each timed over HTTP on
 * loopback as the page calls it: median and slowest of the timed calls after warm-up, the clock moving so H2 never
 * answers from its cache of the last identical query. Side by side: the overview's counts computed per request from
 * every device's metrics (the first design) against the status columns kept at ingest.
 */
final class FleetQueriesBench {
    private static final long HOUR = 3_600_000L;
    private final int boxes;
    private final int lessons;
    private final int calls;

    FleetQueriesBench(boolean quick) {
        this.boxes = 10_000;
        this.lessons = quick ? 2 : 10;
        this.calls = quick ? 5 : 20;
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("classbox-bench-fleet");
        Vertx vertx = Vertx.vertx();
        long now = System.currentTimeMillis();
        long started = System.nanoTime();
        LongSupplier clock = () -> now + (System.nanoTime() - started) / 1_000_000;
        BoxStore store = new BoxStore(vertx, new StoreConfig(dir, 3_600));
        try {
            store.start().await(60, TimeUnit.SECONDS);
            long fill = System.nanoTime();
            store.transaction("fill the fleet", w -> {
                SyntheticFleet.fill(w.connection(), boxes, lessons, now);
                SyntheticFleet.addRttSamples(w.connection(), 42, now - 7 * 24 * HOUR, now, 30_000);
                return null;
            }).await(600, TimeUnit.SECONDS);
            System.out.printf("filled %,d boxes with %d lessons each and 20,160 samples in %.1f s%n", boxes, lessons,
                    (System.nanoTime() - fill) / 1e9);
            Router root = Router.router(vertx);
            Router api = Router.router(vertx);
            new FleetRoutes(store, clock, 3_600).mount(api);
            root.route("/api/v1/*").subRouter(api);
            HttpServer server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1")
                    .await(10, TimeUnit.SECONDS);
            String base = "http://127.0.0.1:" + server.actualPort() + "/api/v1";
            String box = "/boxes/" + SyntheticFleet.GROUP + "/" + SyntheticFleet.boxId(42);
            String[] endpoints = {
                "/fleet/summary",
                "/fleet/summary?region=region-3",
                "/fleet/boxes",
                "/fleet/boxes?page=150&size=50",
                "/fleet/boxes?size=200",
                "/fleet/boxes?status=degraded&region=region-3",
                "/fleet/boxes?alarm=LinkDown",
                "/fleet/boxes?q=school-3&sort=lastSeen",
                box + "/detail",
                box + "/series?metric=Link/RttMillis&hours=24",
                box + "/series?metric=Link/RttMillis&hours=168",
                "/rollups?level=region",
                "/rollups?level=school&county=region-3/county-4",
                "/rollups?level=classroom&region=region-1&days=7"};
            HttpClient http = HttpClient.newHttpClient();
            System.out.printf("%-58s %10s %10s %10s%n", "GET /api/v1... (10,000 boxes)", "median ms", "max ms",
                    "bytes");
            double slowest = 0;
            String slowestName = "";
            for (String endpoint : endpoints) {
                double[] ms = new double[calls];
                int bytes = 0;
                for (int i = -3; i < calls; i++) {
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + endpoint)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(endpoint + " answered " + r.statusCode() + ": " + r.body());
                    }
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - t) / 1e6;
                        bytes = r.body().length();
                    }
                }
                Arrays.sort(ms);
                double median = ms[calls / 2];
                System.out.printf("%-58s %10.1f %10.1f %10d%n", endpoint, median, ms[calls - 1], bytes);
                if (median > slowest) {
                    slowest = median;
                    slowestName = endpoint;
                }
            }
            double kept = timeSql(store, clock, false);
            double joined = timeSql(store, clock, true);
            System.out.printf("overview counts in SQL: from the status columns %.1f ms, joined per request from"
                    + " device_metrics %.1f ms (%.0fx)%n", kept, joined, joined / kept);
            server.close().await(10, TimeUnit.SECONDS);
            System.out.printf("console-queries: slowest endpoint %s %.1f ms median on %,d boxes (target < 200 ms)%n",
                    slowestName, slowest, boxes);
        } finally {
            store.stop().await(30, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The median of the summary's counting SQL, from the box rows or joined with every device's metrics. */
    private double timeSql(BoxStore store, LongSupplier clock, boolean joined) throws Exception {
        String sql = joined ? "SELECT COUNT(*), SUM(CASE WHEN NOT (b.online AND b.last_seen >= ?) THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN (b.online AND b.last_seen >= ?) AND (a.n IS NOT NULL OR l.group_id IS NOT NULL)"
                + " THEN 1 ELSE 0 END) FROM boxes b LEFT JOIN (SELECT group_id, box_id, COUNT(*) AS n"
                + " FROM device_metrics WHERE metric LIKE 'Alarm/%' AND val <> '' GROUP BY group_id, box_id) a"
                + " ON a.group_id = b.group_id AND a.box_id = b.box_id LEFT JOIN (SELECT DISTINCT group_id, box_id"
                + " FROM device_metrics WHERE metric = 'Link/State' AND val = 'DEGRADED') l"
                + " ON l.group_id = b.group_id AND l.box_id = b.box_id"
                : "SELECT COUNT(*), SUM(CASE WHEN NOT (b.online AND b.last_seen >= ?) THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN (b.online AND b.last_seen >= ?) AND (b.alarm_count > 0 OR b.link_degraded)"
                + " THEN 1 ELSE 0 END) FROM boxes b";
        double[] ms = new double[Math.min(calls, 5)];
        for (int i = -1; i < ms.length; i++) {
            long t = System.nanoTime();
            store.read("count the fleet", w -> {
                try (PreparedStatement ps = w.connection().prepareStatement(sql)) {
                    long fresh = clock.getAsLong() - 3_600_000L;
                    ps.setLong(1, fresh);
                    ps.setLong(2, fresh);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            }).await(120, TimeUnit.SECONDS);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
