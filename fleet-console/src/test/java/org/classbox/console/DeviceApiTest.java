package org.classbox.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classbox.console.store.StoreUnderTest;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
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

/** Every device of a box, whatever its type, through a real broker into the console's devices API. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreUnderTest.class)
@ExtendWith(TestGuard.class)
class DeviceApiTest {
    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String DEVICES = "/api/v1/boxes/school/box-7/devices";
    private static final long T = 1_764_000_000_000L;

    @Parameter
    StoreUnderTest storeUnderTest;
    @TempDir
    Path dir;
    private StoreUnderTest.Place place;
    private ConsoleOnBroker rig;

    @BeforeEach
    void start_console_and_a_born_box() throws Exception {
        // Room for the too-wide value below to reach the store rather than be dropped by the broker.
        place = storeUnderTest.open(dir.resolve("console"));
        Map<String, String> settings = new HashMap<>(place.settings());
        settings.put("mqtt.maxPacketBytes", "8192");
        rig = new ConsoleOnBroker(dir, settings);
        publish("spBv1.0/school/NBIRTH/box-7", new Payload(T, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, T),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, T))));
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
    void camera_terminal_host_and_gpio_show_their_latest_values_and_active_alarms() throws Exception {
        publish("spBv1.0/school/DBIRTH/box-7/camera", payload(record(10, T),
                string("Manufacturer", "Axis", T), string("Model", "M1065-L", T),
                Metric.of("Stream/Reachable", MetricType.BOOLEAN, true, T),
                Metric.of("Clock/OffsetSeconds", MetricType.INT64, -2L, T),
                Metric.of(Metrics.REACHABLE, MetricType.BOOLEAN, true, T)));
        publish("spBv1.0/school/DBIRTH/box-7/terminal", payload(record(11, T), string("Link/State", "UP", T),
                Metric.of("Link/RttMillis", MetricType.DOUBLE, 612.5, T), string("Alarm/LinkDown", "", T)));
        publish("spBv1.0/school/DBIRTH/box-7/host", payload(record(12, T),
                Metric.of("Temperature/Cpu", MetricType.DOUBLE, 55.0, T),
                Metric.of("Memory/TotalMb", MetricType.INT64, 3792L, T), string("Alarm/OverTemperature", "", T)));
        publish("spBv1.0/school/DBIRTH/box-7/gpio", payload(record(13, T),
                Metric.of("Relay/screen", MetricType.BOOLEAN, false, T),
                Metric.of("Button/help/Presses", MetricType.INT64, 0L, T), string("Led/Pattern", "off", T)));
        publish("spBv1.0/school/DDATA/box-7/terminal", payload(
                record(14, T + 1000), string("Link/State", "DOWN", T + 1000),
                string("Alarm/LinkDown", "no reply from 8.8.8.8 for 30 s", T + 1000),
                record(15, T + 2000), Metric.of("Link/RttMillis", MetricType.DOUBLE, 640.0, T + 2000),
                string("Alarm/LinkDown", "no reply from 8.8.8.8 for 60 s", T + 2000)));
        publish("spBv1.0/school/DDATA/box-7/host", payload(
                record(16, T + 3000), Metric.of("Temperature/Cpu", MetricType.DOUBLE, 83.5, T + 3000),
                string("Alarm/OverTemperature", "CPU at 83.5 °C, over 80", T + 3000),
                record(17, T + 4000), Metric.of("Temperature/Cpu", MetricType.DOUBLE, 70.0, T + 4000),
                string("Alarm/OverTemperature", "", T + 4000)));
        publish("spBv1.0/school/DDATA/box-7/gpio", payload(record(18, T + 5000),
                Metric.of("Relay/screen", MetricType.BOOLEAN, true, T + 5000),
                Metric.of("Button/help/Presses", MetricType.INT64, 3L, T + 5000)));

        Await.until(SOON, "the gpio's data", () -> devices().size() == 4
                && device("gpio").getJsonObject("metrics").getJsonObject("Relay/screen").getBoolean("value"));
        JsonObject camera = device("camera");
        assertEquals(true, camera.getBoolean("reachable"));
        assertEquals("M1065-L", value(camera, "Model"));
        assertEquals(-2L, camera.getJsonObject("metrics").getJsonObject("Clock/OffsetSeconds").getLong("value"));
        assertEquals("INT64", camera.getJsonObject("metrics").getJsonObject("Clock/OffsetSeconds").getString("type"));
        assertTrue(camera.getJsonArray("alarms").isEmpty());

        JsonObject terminal = device("terminal");
        assertEquals("DOWN", value(terminal, "Link/State"));
        assertEquals(640.0, terminal.getJsonObject("metrics").getJsonObject("Link/RttMillis").getDouble("value"));
        assertNull(terminal.getValue("reachable"), "the terminal never reported Reachable");
        JsonArray alarms = terminal.getJsonArray("alarms");
        assertEquals(1, alarms.size());
        assertEquals("Alarm/LinkDown", alarms.getJsonObject(0).getString("name"));
        assertEquals("no reply from 8.8.8.8 for 60 s", alarms.getJsonObject(0).getString("why"));
        assertEquals(Instant.ofEpochMilli(T + 1000).toString(), alarms.getJsonObject(0).getString("since"),
                "active since it first became non-empty, not since its latest reason");

        JsonObject host = device("host");
        assertEquals(70.0, host.getJsonObject("metrics").getJsonObject("Temperature/Cpu").getDouble("value"));
        assertTrue(host.getJsonArray("alarms").isEmpty(), "the over-temperature alarm cleared");
        assertEquals(3L, device("gpio").getJsonObject("metrics").getJsonObject("Button/help/Presses")
                .getLong("value"));
        assertEquals(Instant.ofEpochMilli(T + 5000).toString(), device("gpio").getJsonObject("metrics")
                .getJsonObject("Button/help/Presses").getString("at"));
        assertTrue(body("/api/v1/boxes").contains("\"projector\":{"), "the projector object stays");
    }

    @Test
    void a_late_historical_record_does_not_hide_a_newer_value() throws Exception {
        publish("spBv1.0/school/DDATA/box-7/host", payload(record(30, T + 30_000),
                Metric.of("Load/1m", MetricType.DOUBLE, 0.4, T + 30_000)));
        publish("spBv1.0/school/DDATA/box-7/host", payload(record(29, T).asHistorical(),
                Metric.of("Load/1m", MetricType.DOUBLE, 3.0, T).asHistorical(),
                Metric.of("Uptime/Seconds", MetricType.INT64, 600L, T).asHistorical()));

        Await.until(SOON, "the historical record", () -> devices().size() == 1 && device("host")
                .getJsonObject("metrics").containsKey("Uptime/Seconds"));
        assertEquals(0.4, device("host").getJsonObject("metrics").getJsonObject("Load/1m").getDouble("value"));
    }

    @Test
    void a_malformed_value_or_an_unknown_alias_leaves_stored_rows_as_they_were() throws Exception {
        publish("spBv1.0/school/DDATA/box-7/camera", payload(record(1, T), string("Firmware", "10.12.3", T)));
        Await.until(SOON, "the camera's firmware", () -> !devices().isEmpty());
        // Too wide for the store: the whole message is dropped, the good metric beside it included.
        publish("spBv1.0/school/DDATA/box-7/camera", payload(record(2, T + 1), string("Firmware", "11.0", T + 1),
                string("Serial", "x".repeat(1100), T + 1)));
        // An alias no birth declared: parked until a birth names it, never stored under a guessed name.
        Map<String, Long> aliases = Map.of(Metrics.RECORD_ID, 1L, "Firmware", 2L);
        rig.publish("spBv1.0/school/DDATA/box-7/camera", PayloadCodec.encodeData(new Payload(T + 2, 3L, List.of(
                record(3, T + 2), string("Firmware", "12.0", T + 2))), aliases));
        Await.until(SOON, "both handled", () -> {
            JsonObject ingest = new JsonObject(body("/api/v1/ingest"));
            return ingest.getLong("parkedNow", 0L) == 1 && ingest.getJsonObject("malformed").getLong("value") == 1;
        });

        JsonObject camera = device("camera");
        assertEquals("10.12.3", value(camera, "Firmware"));
        assertEquals(List.of("Firmware"), List.copyOf(camera.getJsonObject("metrics").fieldNames()));
        assertEquals(404, get("/api/v1/boxes/school/box-8/devices").statusCode());
    }

    private static Metric record(long id, long at) {
        return Metric.of(Metrics.RECORD_ID, MetricType.UINT64, id, at);
    }

    private static Metric string(String name, String value, long at) {
        return Metric.of(name, MetricType.STRING, value, at);
    }

    private static Payload payload(Metric... metrics) {
        return new Payload(T, 1L, List.of(metrics));
    }

    private static Object value(JsonObject device, String metric) {
        return device.getJsonObject("metrics").getJsonObject(metric).getValue("value");
    }

    private void publish(String topic, Payload payload) throws Exception {
        rig.publish(topic, payload);
    }

    private JsonObject device(String name) {
        return devices().stream().map(JsonObject.class::cast).filter(d -> name.equals(d.getString("device")))
                .findFirst().orElseThrow(() -> new AssertionError("no device " + name + " in " + devices()));
    }

    private JsonArray devices() {
        try {
            HttpResponse<String> response = rig.get(DEVICES);
            return response.statusCode() == 200 ? new JsonArray(response.body()) : new JsonArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String body(String path) {
        return rig.body(path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return rig.get(path);
    }
}
