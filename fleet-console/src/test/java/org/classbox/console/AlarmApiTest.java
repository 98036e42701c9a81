package org.classbox.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

/** Alarms raised and cleared by a box's records through a real broker and console, listed and acknowledged. */
@ExtendWith(TestGuard.class)
class AlarmApiTest {
    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String HOST = "spBv1.0/school/DDATA/box-7/host";
    private static final long T = 1_764_000_000_000L;

    @TempDir
    Path dir;
    private ConsoleOnBroker rig;
    private long seq = 1;

    @BeforeEach
    void start_console_and_a_born_box() throws Exception {
        rig = new ConsoleOnBroker(dir, Map.of());
        birth(1);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void an_alarm_is_raised_once_cleared_and_acknowledged_once() throws Exception {
        publish(HOST, record(1, T), alarm("OverTemperature", "CPU at 83.5 °C, over 80", T));
        Await.until(SOON, "the raised alarm", () -> total("state=active") == 1);
        // The same record again (a lost PUBACK), then a newer reason while it stays raised: still one row.
        publish(HOST, record(1, T), alarm("OverTemperature", "CPU at 83.5 °C, over 80", T));
        publish(HOST, record(2, T + 1000), alarm("OverTemperature", "CPU at 85.0 °C, over 80", T + 1000));
        publish(HOST, record(3, T + 2000), Metric.of("Temperature/Cpu", MetricType.DOUBLE, 84.0, T + 2000));
        awaitRecord(3);
        assertEquals(1, rig.count("SELECT COUNT(*) FROM alarms"));
        JsonObject raised = page("state=active").getJsonArray("items").getJsonObject(0);
        assertEquals("host", raised.getString("device"));
        assertEquals("OverTemperature", raised.getString("name"));
        assertEquals("CPU at 83.5 °C, over 80", raised.getString("reason"), "the first reason is kept");
        assertEquals(Instant.ofEpochMilli(T).toString(), raised.getString("raisedAt"));
        assertNull(raised.getValue("clearedAt"));

        HttpResponse<String> acked = rig.post("/api/v1/alarms/" + raised.getLong("id") + "/ack", "");
        assertEquals(200, acked.statusCode(), acked.body());
        assertEquals("system", new JsonObject(acked.body()).getString("ackedBy"));
        String ackedAt = new JsonObject(acked.body()).getString("ackedAt");
        assertNotNull(ackedAt);
        HttpResponse<String> again = rig.post("/api/v1/alarms/" + raised.getLong("id") + "/ack", "");
        assertEquals(200, again.statusCode());
        assertEquals(ackedAt, new JsonObject(again.body()).getString("ackedAt"), "acknowledging is idempotent");
        assertEquals(1, rig.count("SELECT COUNT(*) FROM audit_log WHERE action = 'alarm-ack'"));

        publish(HOST, record(4, T + 3000), alarm("OverTemperature", "", T + 3000));
        Await.until(SOON, "the cleared alarm", () -> total("state=active") == 0);
        JsonObject cleared = page("state=all").getJsonArray("items").getJsonObject(0);
        assertEquals(Instant.ofEpochMilli(T + 3000).toString(), cleared.getString("clearedAt"));
        assertEquals("system", cleared.getString("ackedBy"));
        publish(HOST, record(5, T + 4000), alarm("OverTemperature", "CPU at 81.0 °C, over 80", T + 4000));
        Await.until(SOON, "the second raise", () -> total("state=all") == 2);
        assertEquals(1, total("state=active"));
        assertEquals(2, total("state=all&group=school&box=box-7"));
        assertEquals(0, total("state=all&box=box-8"));
        assertEquals(1, page("state=all&page=2&size=1").getJsonArray("items").size());
        assertEquals(404, rig.post("/api/v1/alarms/999/ack", "").statusCode());
        assertEquals(400, rig.post("/api/v1/alarms/x/ack", "").statusCode());
        assertEquals(400, rig.get("/api/v1/alarms?state=some").statusCode());
        assertEquals(400, rig.get("/api/v1/alarms?size=201").statusCode());
        assertEquals(400, rig.get("/api/v1/alarms?page=0").statusCode());
    }

    @Test
    void a_late_historical_record_neither_raises_nor_clears() throws Exception {
        publish(HOST, record(10, T + 10_000), alarm("DiskNearlyFull", "disk 91 % used", T + 10_000));
        Await.until(SOON, "the raised alarm", () -> total("state=active") == 1);
        publish(HOST, record(8, T + 8_000).asHistorical(), alarm("DiskNearlyFull", "", T + 8_000).asHistorical());
        publish(HOST, record(11, T + 11_000), alarm("DiskNearlyFull", "", T + 11_000));
        Await.until(SOON, "the clear", () -> total("state=active") == 0);
        publish(HOST, record(9, T + 9_000).asHistorical(), alarm("DiskNearlyFull", "disk 92 % used", T + 9_000)
                .asHistorical());
        publish(HOST, record(12, T + 12_000), Metric.of("Disk/UsedPercent", MetricType.DOUBLE, 80.0, T + 12_000));
        awaitRecord(12);

        assertEquals(1, rig.count("SELECT COUNT(*) FROM alarms"));
        assertEquals(0, total("state=active"));
    }

    @Test
    void offline_is_raised_by_the_matching_ndeath_and_cleared_by_the_next_birth() throws Exception {
        rig.publish("spBv1.0/school/NDEATH/box-7", new Payload(T, null, List.of(bdSeq(0))));
        rig.publish("spBv1.0/school/NDEATH/box-7", new Payload(T, null, List.of(bdSeq(1))));
        Await.until(SOON, "Offline", () -> total("state=active") == 1);
        JsonObject offline = page("state=active").getJsonArray("items").getJsonObject(0);
        assertEquals("Offline", offline.getString("name"));
        assertEquals("", offline.getString("device"));
        assertEquals(1, rig.count("SELECT COUNT(*) FROM alarms"), "the stale NDEATH raised nothing");

        birth(2);
        Await.until(SOON, "Offline cleared", () -> total("state=active") == 0);
        assertEquals(1, total("state=all"));
    }

    private void birth(long bdSeq) throws Exception {
        rig.publish("spBv1.0/school/NBIRTH/box-7", new Payload(T, 0L, List.of(bdSeq(bdSeq),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, T))));
        seq = 1;
    }

    private void publish(String topic, Metric... metrics) throws Exception {
        rig.publish(topic, new Payload(T, seq++, List.of(metrics)));
    }

    private void awaitRecord(long recordId) {
        Await.until(SOON, "record " + recordId, () -> rig.count("SELECT COUNT(*) FROM samples WHERE record_id = "
                + recordId) > 0);
    }

    private JsonObject page(String query) {
        return new JsonObject(rig.body("/api/v1/alarms?" + query));
    }

    private long total(String query) {
        return page(query).getLong("total");
    }

    private static Metric bdSeq(long value) {
        return Metric.of(Metrics.BD_SEQ, MetricType.INT64, value, T);
    }

    private static Metric alarm(String name, String reason, long at) {
        return Metric.of("Alarm/" + name, MetricType.STRING, reason, at);
    }

    private static Metric record(long id, long at) {
        return Metric.of(Metrics.RECORD_ID, MetricType.UINT64, id, at);
    }
}
