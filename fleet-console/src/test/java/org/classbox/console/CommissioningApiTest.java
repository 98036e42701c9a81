package org.classbox.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.classbox.console.store.StoreUnderTest;
import org.classbox.sparkplug.CommissioningMetrics;
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
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A box's commissioning reports through a real broker into its detail, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreUnderTest.class)
@ExtendWith(TestGuard.class)
class CommissioningApiTest {
    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String DETAIL = "/api/v1/boxes/school/box-7/detail";
    private static final String DDATA = "spBv1.0/school/DDATA/box-7/" + CommissioningMetrics.DEVICE;
    private static final long T = 1_764_000_000_000L;

    @Parameter
    StoreUnderTest storeUnderTest;
    @TempDir
    Path dir;
    private StoreUnderTest.Place place;
    private ConsoleOnBroker rig;

    @BeforeEach
    void start_console_and_a_born_box() throws Exception {
        place = storeUnderTest.open(dir.resolve("console"));
        rig = new ConsoleOnBroker(dir, place.settings());
        rig.publish("spBv1.0/school/NBIRTH/box-7", new Payload(T, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, T),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, T))));
        // As the agent's first DDATA of a device does: a birth declaring the metrics, values unknown.
        rig.publish("spBv1.0/school/DBIRTH/box-7/" + CommissioningMetrics.DEVICE, new Payload(T, 1L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 9L, T),
                Metric.of(CommissioningMetrics.PASSED, MetricType.BOOLEAN, null, T),
                Metric.of(CommissioningMetrics.FAILED, MetricType.STRING, null, T),
                Metric.of(CommissioningMetrics.REPORT, MetricType.STRING, null, T),
                Metric.of(CommissioningMetrics.AT, MetricType.INT64, null, T))));
        Await.until(SOON, "the box at the console", () -> rig.body(DETAIL).contains("\"box-7\""));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            rig.close();
        } finally {
            place.close();
        }
    }

    @Test
    void the_latest_report_shows_with_its_steps_and_an_older_one_does_not_replace_it() throws Exception {
        assertNull(detail().getValue("commissioning"));

        rig.publish(DDATA, report(10, 2, false, 40));
        JsonObject shown = Await.value(SOON, "the report", () -> detail().getJsonObject("commissioning"));
        assertFalse(shown.getBoolean("passed"));
        assertEquals("camera snapshot", shown.getString("failed"));
        assertEquals(Instant.ofEpochMilli(T + 2).toString(), shown.getString("finishedAt"));
        JsonArray steps = shown.getJsonArray("steps");
        assertEquals(40, steps.size());
        assertEquals(new JsonObject().put("device", "camera").put("step", "snapshot").put("passed", false)
                .put("millis", 3002L).put("detail", "HTTP 401 from http://10.0.0.7/snapshot: wrong password"),
                steps.getJsonObject(1));

        rig.publish(DDATA, report(8, 1, true, 2));
        rig.publish(DDATA, report(11, 3, true, 3));
        Await.until(SOON, "the newer report", () -> detail().getJsonObject("commissioning").getBoolean("passed"));
        assertEquals(3, detail().getJsonObject("commissioning").getJsonArray("steps").size());
        assertTrue(rig.body("/api/v1/boxes/school/box-7/devices").indexOf(CommissioningMetrics.DEVICE) < 0,
                "the report is not a device's metrics");
    }

    /** One record of a report with {@code steps} steps (the second one failed unless all passed), ~250 bytes each. */
    private static Payload report(long recordId, long finishedOffset, boolean passed, int steps) {
        long at = T + finishedOffset;
        JsonArray array = new JsonArray();
        for (int i = 0; i < steps; i++) {
            boolean failed = !passed && i == 1;
            array.add(new JsonObject().put("device", failed ? "camera" : "projector")
                    .put("step", failed ? "snapshot" : "power on").put("passed", !failed).put("millis", 3002L)
                    .put("detail", failed ? "HTTP 401 from http://10.0.0.7/snapshot: wrong password"
                            : "Power=on after 5.3 s " + "x".repeat(180)));
        }
        String json = new JsonObject().put("box", "box-7").put("group", "school")
                .put("startedAt", Instant.ofEpochMilli(T).toString())
                .put("finishedAt", Instant.ofEpochMilli(at).toString()).put("passed", passed).put("steps", array)
                .encode();
        List<Metric> metrics = new ArrayList<>(List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, recordId, at),
                Metric.of(CommissioningMetrics.PASSED, MetricType.BOOLEAN, passed, at),
                Metric.of(CommissioningMetrics.FAILED, MetricType.STRING, passed ? "" : "camera snapshot", at),
                Metric.of(CommissioningMetrics.REPORT, MetricType.STRING, json, at),
                Metric.of(CommissioningMetrics.AT, MetricType.INT64, at, at)));
        return new Payload(at, recordId % 256, metrics);
    }

    private JsonObject detail() {
        return new JsonObject(rig.body(DETAIL));
    }
}
