package org.classbox.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The fleet views fed by a box through a real broker, and the OpenAPI file against the routes the console serves. */
@ExtendWith(TestGuard.class)
class FleetOnBrokerTest {
    private static final Duration SOON = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private ConsoleOnBroker rig;

    @BeforeEach
    void start() throws Exception {
        rig = new ConsoleOnBroker(dir, Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void a_box_status_follows_its_alarms_and_link_and_its_page_shows_its_journal() throws Exception {
        long t = System.currentTimeMillis();
        rig.publish("spBv1.0/school/NBIRTH/box-7", new Payload(t, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, t),
                Metric.of(Metrics.JOURNAL_BACKLOG, MetricType.INT64, 321L, t),
                Metric.of(Metrics.LINK_BYTES_TODAY + "health", MetricType.INT64, 4_500L, t))));
        rig.publish("spBv1.0/school/DBIRTH/box-7/terminal", new Payload(t, 1L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 10L, t),
                Metric.of("Link/State", MetricType.STRING, "UP", t),
                Metric.of("Alarm/LinkDown", MetricType.STRING, "", t))));
        Await.until(SOON, "box-7 online", () -> status().equals("online"));
        JsonObject journal = new JsonObject(rig.body("/api/v1/boxes/school/box-7/detail")).getJsonObject("journal");
        assertEquals(321L, journal.getLong("backlog"));
        assertEquals(4_500L, journal.getJsonObject("bytesToday").getLong("health"));

        rig.publish("spBv1.0/school/DDATA/box-7/terminal", new Payload(t + 1, 2L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 11L, t + 1),
                Metric.of("Link/State", MetricType.STRING, "DEGRADED", t + 1))));
        Await.until(SOON, "box-7 degraded by its link", () -> status().equals("degraded"));
        rig.publish("spBv1.0/school/DDATA/box-7/terminal", new Payload(t + 2, 3L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 12L, t + 2),
                Metric.of("Link/State", MetricType.STRING, "DOWN", t + 2),
                Metric.of("Alarm/LinkDown", MetricType.STRING, "no reply for 30 s", t + 2))));
        Await.until(SOON, "box-7 alarmed", () -> rig.body("/api/v1/fleet/boxes?alarm=LinkDown").contains("box-7"));
        assertEquals("degraded", status());
        rig.publish("spBv1.0/school/DDATA/box-7/terminal", new Payload(t + 3, 4L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 13L, t + 3),
                Metric.of("Link/State", MetricType.STRING, "UP", t + 3),
                Metric.of("Alarm/LinkDown", MetricType.STRING, "", t + 3))));
        Await.until(SOON, "box-7 well again", () -> status().equals("online"));
        rig.publish("spBv1.0/school/NDATA/box-7", new Payload(t + 4, 5L, List.of(
                Metric.of(Metrics.JOURNAL_BACKLOG, MetricType.INT64, 0L, t + 4))));
        Await.until(SOON, "the hourly figures", () -> new JsonObject(rig.body("/api/v1/boxes/school/box-7/detail"))
                .getJsonObject("journal").getLong("backlog") == 0L);
    }

    @Test
    void the_openapi_file_is_served_and_documents_every_route_the_console_serves() throws Exception {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/webroot/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> file = rig.get("/openapi.yaml");
        assertEquals(200, file.statusCode());
        assertEquals(yaml, file.body());

        OpenApiOutline outline = OpenApiOutline.of(yaml);
        assertEquals("3.0.3", outline.version());
        assertEquals(List.of(), outline.unresolvedRefs(), "every $ref names a component the file defines");
        List<String> served = routes(rig.console().router(), "");
        assertTrue(served.contains("get /api/v1/fleet/boxes") && served.contains("put /api/v1/boxes/{}/{}/schedule"),
                "the walk reaches the API's sub-router: " + served);
        Set<String> undocumented = new TreeSet<>();
        for (String route : served) {
            // Pages and vendor assets are not the API; everything under /api/v1 must be documented.
            if (route.contains(" /api/") && !outline.operations().contains(route)) {
                undocumented.add(route);
            }
        }
        assertEquals(Set.of(), undocumented, "routes missing from openapi.yaml; documented: " + outline.operations());
    }

    /** box-7's status in the fleet list, or "" while it is not listed. */
    private String status() {
        var items = new JsonObject(rig.body("/api/v1/fleet/boxes?q=box-7")).getJsonArray("items");
        return items.isEmpty() ? "" : items.getJsonObject(0).getString("status");
    }

    /** "method /path/{}/..." of every route with a method and a path, sub-routers' under their mount path. */
    private static List<String> routes(Router router, String prefix) {
        List<String> all = new ArrayList<>();
        for (Route route : router.getRoutes()) {
            String path = route.getPath();
            if (route.getSubRouter() != null) {
                String mount = path == null ? "" : path.replaceAll("\\*$", "").replaceAll("/$", "");
                all.addAll(routes(route.getSubRouter(), prefix + mount));
            } else if (path != null && !path.endsWith("*") && route.methods() != null && !route.methods().isEmpty()) {
                for (HttpMethod method : route.methods()) {
                    all.add(method.name().toLowerCase() + " " + OpenApiOutline.template(prefix + path));
                }
            }
        }
        return all;
    }
}
