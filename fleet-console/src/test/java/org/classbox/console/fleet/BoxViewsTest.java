package org.classbox.console.fleet;

import static org.classbox.console.fleet.FleetRig.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.classbox.console.store.BoxKey;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One box's detail and metric series, and the roll-ups by place, on {@link SixBoxes} and their lessons. */
@ExtendWith(TestGuard.class)
class BoxViewsTest {
    private static final long DAY = 86_400_000L;

    @TempDir
    Path dir;
    private FleetRig rig;

    @BeforeEach
    void six_boxes_with_lessons() throws Exception {
        rig = new FleetRig(dir);
        rig.write(w -> {
            SixBoxes.write(w);
            SixBoxes.lesson(w, "a", "l1", "ended", 1, 45L, 45L, true);
            SixBoxes.lesson(w, "a", "l2", "ended", 2, 60L, 30L, false);
            SixBoxes.lesson(w, "a", "old", "ended", 40, 45L, 45L, true);
            SixBoxes.lesson(w, "b", "l3", "live", 3, 45L, null, null);
            SixBoxes.lesson(w, "d", "l4", "ended", 1, 30L, 30L, null);
            return null;
        });
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void detail_shows_the_box_its_journal_devices_lessons_and_active_alarms() throws Exception {
        BoxKey b = new BoxKey("g", "b");
        rig.write(w -> {
            NodeFigures.save(w.connection(), b, node(NOW - 5_000, 1200L, 4_096L), true);
            NodeFigures.save(w.connection(), b, node(NOW - 1_000, 7L, 9_000L), false);
            NodeFigures.save(w.connection(), b, node(NOW - 3_000, 99L, 1L), false);
            return null;
        });
        JsonObject detail = rig.json("/api/v1/boxes/g/b/detail");
        assertEquals("degraded", detail.getString("status"));
        assertEquals(3L, detail.getLong("bdSeq"));
        assertEquals(9L, detail.getLong("epoch"));
        assertEquals(new JsonObject("{\"backlog\":7,\"bytesToday\":{\"alarm\":9000,\"event\":null,\"health\":null,"
                + "\"bulk\":null}}"), detail.getJsonObject("journal"), "the newest NDATA's figures, over the birth's");
        assertEquals(List.of("projector", "terminal"), detail.getJsonArray("devices").stream()
                .map(d -> ((JsonObject) d).getString("device")).toList());
        assertEquals(new JsonArray().add("LinkDown").add("Unreachable"), detail.getJsonArray("alarms"));
        JsonArray active = detail.getJsonArray("activeAlarms");
        assertEquals(2, active.size());
        assertEquals(new JsonObject().put("device", "projector").put("name", "Unreachable")
                .put("reason", "3 polls failed").put("since", Instant.ofEpochMilli(NOW - 60_000).toString()),
                active.getJsonObject(0));
        assertEquals(new JsonArray().add(new JsonObject().put("lessonId", "l3").put("figures", new JsonObject()
                .put("Lesson/State", "live").put("Lesson/MinutesScheduled", "45"))), detail.getJsonArray("lessons"));
        assertEquals(404, rig.get("/api/v1/boxes/g/nobody/detail").statusCode());
    }

    @Test
    void birth_figures_replace_all_and_a_birth_wins_over_a_newer_clock() throws Exception {
        BoxKey a = new BoxKey("g", "a");
        rig.write(w -> {
            NodeFigures.save(w.connection(), a, node(NOW, 50L, 10L), false);
            NodeFigures.save(w.connection(), a, new Payload(NOW - DAY, 0L, List.of(
                    Metric.of(Metrics.JOURNAL_BACKLOG, MetricType.INT64, 3L, NOW - DAY))), true);
            return null;
        });
        JsonObject journal = rig.json("/api/v1/boxes/g/a/detail").getJsonObject("journal");
        assertEquals(3L, journal.getLong("backlog"));
        assertNull(journal.getJsonObject("bytesToday").getValue("alarm"), "the birth did not say: unknown");
    }

    @Test
    void series_is_oldest_first_raw_while_it_fits_and_bucketed_to_1440_points_beyond() throws Exception {
        rig.write(w -> {
            SyntheticFleet.fill(w.connection(), 1, 0, NOW);
            SyntheticFleet.addRttSamples(w.connection(), 0, NOW - 2 * DAY, NOW, 30_000);
            return null;
        });
        String path = "/api/v1/boxes/fleet/box-00000/series?device=terminal&metric=Link/RttMillis";
        JsonObject hour = rig.json(path + "&hours=1");
        assertEquals("terminal", hour.getString("device"));
        assertEquals("Link/RttMillis", hour.getString("metric"));
        JsonArray points = hour.getJsonArray("points");
        assertEquals(120, points.size(), "every sample of the last hour");
        assertEquals(NOW - 3_600_000, points.getJsonArray(0).getLong(0));
        JsonArray day = rig.json(path).getJsonArray("points");
        assertTrue(day.size() <= 1_440 && day.size() >= 1_430, "24 h of 2,880 samples in buckets: " + day.size());
        for (int i = 1; i < day.size(); i++) {
            assertTrue(day.getJsonArray(i - 1).getLong(0) < day.getJsonArray(i).getLong(0), "oldest first");
        }
        double value = day.getJsonArray(700).getDouble(1);
        assertTrue(value >= 600.0 && value < 640.0, "a bucket's mean: " + value);
        assertEquals(0, rig.json("/api/v1/boxes/fleet/box-00000/series?metric=Link/State").getJsonArray("points")
                .size(), "no samples of that metric");
        assertEquals(404, rig.get("/api/v1/boxes/fleet/nobody/series?metric=Link/RttMillis").statusCode());
        assertEquals(400, rig.get(path.replace("&metric=Link/RttMillis", "")).statusCode());
        assertEquals(400, rig.get(path + "&hours=0").statusCode());
        assertEquals(400, rig.get(path + "&hours=745").statusCode());
    }

    @Test
    void rollups_sum_the_lessons_of_the_last_days_per_place() throws Exception {
        JsonObject regions = rig.json("/api/v1/rollups?level=region");
        assertEquals("region", regions.getString("level"));
        // Box b's lesson l3 is still live: its scheduled length does not count before it ends.
        assertEquals(new JsonObject().put("name", "North").put("boxes", 3L).put("online", 3L)
                .put("scheduledHours", 1.75).put("hoursWithoutStall", 1.25).put("attainmentPercent", 71.43)
                .put("recordingsComplete", 1L).put("recordings", 2L), regions.getJsonArray("rows").getJsonObject(0));
        assertEquals(new JsonObject().put("name", "South").put("boxes", 3L).put("online", 1L)
                .put("scheduledHours", 0.5).put("hoursWithoutStall", 0.5).put("attainmentPercent", 100.0)
                .put("recordingsComplete", 0L).put("recordings", 0L), regions.getJsonArray("rows").getJsonObject(1));
        JsonObject counties = rig.json("/api/v1/rollups?level=county&region=North&days=60");
        JsonObject n1 = counties.getJsonArray("rows").getJsonObject(0);
        assertEquals("N1", n1.getString("name"));
        assertEquals(2.5, n1.getDouble("scheduledHours"), "the lesson of 40 days ago counts in 60 days");
        assertEquals(2L, n1.getLong("recordingsComplete"));
        JsonObject n2 = counties.getJsonArray("rows").getJsonObject(1);
        assertEquals("N2", n2.getString("name"));
        assertNull(n2.getValue("attainmentPercent"), "nothing scheduled: no attainment");
        assertEquals(List.of("5A", "6B"), rig.json("/api/v1/rollups?level=classroom&county=N1").getJsonArray("rows")
                .stream().map(r -> ((JsonObject) r).getString("name")).toList());
        assertEquals(400, rig.get("/api/v1/rollups?level=planet").statusCode());
        assertEquals(400, rig.get("/api/v1/rollups?days=0").statusCode());
    }

    private static Payload node(long at, long backlog, long alarmBytes) {
        return new Payload(at, 0L, List.of(Metric.of(Metrics.JOURNAL_BACKLOG, MetricType.INT64, backlog, at),
                Metric.of(Metrics.LINK_BYTES_TODAY + "alarm", MetricType.INT64, alarmBytes, at)));
    }
}
