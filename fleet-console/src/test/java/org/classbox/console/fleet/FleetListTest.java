package org.classbox.console.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The overview's counts and the box list's filters, orders, paging and refusals, on {@link SixBoxes}. */
@ExtendWith(TestGuard.class)
class FleetListTest {
    @TempDir
    Path dir;
    private FleetRig rig;

    @BeforeEach
    void six_boxes() throws Exception {
        rig = new FleetRig(dir);
        rig.write(w -> {
            SixBoxes.write(w);
            return null;
        });
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void summary_counts_each_status_once_and_filters_by_place() throws Exception {
        assertEquals(new JsonObject("{\"total\":6,\"online\":2,\"offline\":2,\"degraded\":2,\"alarms\":3}"),
                rig.json("/api/v1/fleet/summary"));
        assertEquals(new JsonObject("{\"total\":3,\"online\":1,\"offline\":2,\"degraded\":0,\"alarms\":1}"),
                rig.json("/api/v1/fleet/summary?region=South"));
        assertEquals(new JsonObject("{\"total\":2,\"online\":1,\"offline\":0,\"degraded\":1,\"alarms\":2}"),
                rig.json("/api/v1/fleet/summary?region=North&county=N1"));
        assertEquals(2, rig.json("/api/v1/fleet/summary?school=School-S4").getLong("total"));
        assertEquals(0, rig.json("/api/v1/fleet/summary?region=West").getLong("total"));
    }

    @Test
    void worst_first_is_offline_then_degraded_by_alarms_then_online_oldest_first() throws Exception {
        assertEquals(List.of("e", "d", "b", "c", "a", "f"), ids("/api/v1/fleet/boxes"));
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), ids("/api/v1/fleet/boxes?sort=id"));
        assertEquals(List.of("e", "d", "b", "c", "a", "f"), ids("/api/v1/fleet/boxes?sort=lastSeen"));
        JsonArray items = rig.json("/api/v1/fleet/boxes").getJsonArray("items");
        JsonObject b = items.getJsonObject(2);
        assertEquals("degraded", b.getString("status"));
        assertEquals(new JsonArray().add("LinkDown").add("Unreachable"), b.getJsonArray("alarms"));
        assertEquals("DOWN", b.getJsonObject("link").getString("state"));
        assertEquals(100.0, b.getJsonObject("link").getDouble("lossPercent"));
        assertEquals(null, b.getJsonObject("link").getValue("rttMillis"));
        assertEquals("North", b.getString("region"));
        assertEquals("6B", b.getString("classroom"));
        assertEquals("on", b.getJsonObject("projector").getString("power"), "the projector columns of the box row");
        JsonObject f = items.getJsonObject(5);
        assertEquals(new JsonObject("{\"state\":\"UP\",\"rttMillis\":40.0,\"lossPercent\":1.0}"),
                f.getJsonObject("link"),
                "a box without a terminal shows the link of the device that has one");
        assertEquals("offline", items.getJsonObject(0).getString("status"), "online but silent past the limit");
    }

    @Test
    void each_filter_selects_its_boxes() throws Exception {
        assertEquals(List.of("e", "d"), ids("/api/v1/fleet/boxes?status=offline"));
        assertEquals(List.of("b", "c"), ids("/api/v1/fleet/boxes?status=degraded"));
        assertEquals(List.of("a", "f"), ids("/api/v1/fleet/boxes?status=online"));
        assertEquals(List.of("e", "d", "f"), ids("/api/v1/fleet/boxes?region=South"));
        assertEquals(List.of("b", "a"), ids("/api/v1/fleet/boxes?county=N1"));
        assertEquals(List.of("e", "d"), ids("/api/v1/fleet/boxes?school=School-S4&region=South&county=S1"));
        assertEquals(List.of("b"), ids("/api/v1/fleet/boxes?alarm=LinkDown"));
        assertEquals(List.of("e", "b"), ids("/api/v1/fleet/boxes?alarm=Unreachable"));
        assertEquals(List.of("e", "d"), ids("/api/v1/fleet/boxes?q=school-s4"));
        assertEquals(List.of("a"), ids("/api/v1/fleet/boxes?q=5a"));
        assertEquals(List.of("f"), ids("/api/v1/fleet/boxes?q=l_s"), "_ is a character, not a wildcard");
        assertEquals(List.of(), ids("/api/v1/fleet/boxes?q=%25"), "% is a character, not a wildcard");
        assertEquals(List.of("b"), ids("/api/v1/fleet/boxes?status=degraded&region=North&county=N1&alarm=LinkDown"));
    }

    @Test
    void pages_follow_each_other_without_overlap() throws Exception {
        List<String> all = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonObject answer = rig.json("/api/v1/fleet/boxes?size=2&page=" + page);
            assertEquals(6, answer.getLong("total"));
            assertEquals(page, answer.getInteger("page"));
            assertEquals(2, answer.getInteger("size"));
            all.addAll(ids(answer));
        }
        assertEquals(List.of("e", "d", "b", "c", "a", "f"), all);
        assertEquals(List.of(), ids("/api/v1/fleet/boxes?size=2&page=4"));
    }

    @Test
    void a_bad_parameter_is_refused_with_its_name_and_changes_nothing() throws Exception {
        refused("/api/v1/fleet/boxes?status=sleeping", "status must be one of online, offline, degraded");
        refused("/api/v1/fleet/boxes?sort=size", "sort must be one of worst, id, lastSeen");
        refused("/api/v1/fleet/boxes?page=0", "page must be a whole number in [1, 1000000], but was '0'");
        refused("/api/v1/fleet/boxes?size=201", "size must be a whole number in [1, 200], but was '201'");
        refused("/api/v1/fleet/boxes?size=ten", "size must be a whole number");
        refused("/api/v1/fleet/boxes?alarm=no%20such", "alarm must match");
        refused("/api/v1/fleet/boxes?q=" + "x".repeat(65), "q must be at most 64 characters");
        refused("/api/v1/fleet/summary?region=" + "r".repeat(65), "region must be at most 64 characters");
        assertEquals(6, rig.json("/api/v1/fleet/summary").getLong("total"));
    }

    private void refused(String path, String message) throws Exception {
        HttpResponse<String> response = rig.get(path);
        assertEquals(400, response.statusCode(), path);
        String error = new JsonObject(response.body()).getString("error");
        assertTrue(error.startsWith(message), path + ": " + error);
    }

    private List<String> ids(String path) throws Exception {
        return ids(rig.json(path));
    }

    private static List<String> ids(JsonObject page) {
        List<String> ids = new ArrayList<>();
        page.getJsonArray("items").forEach(item -> ids.add(((JsonObject) item).getString("boxId")));
        return ids;
    }
}
