package org.classbox.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.console.store.StoreUnderTest;
import org.classbox.sparkplug.ClassroomMetrics;
import org.classbox.sparkplug.HostState;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.testing.Await;
import org.classbox.testing.OnMessage;
import org.classbox.testing.TestGuard;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The console with a real broker, a Paho client playing a box, and real HTTP requests. */
@ExtendWith(TestGuard.class)
class FleetConsoleTest {
    private static final Duration SOON = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private ConsoleOnBroker rig;
    private StoreUnderTest.Place place;

    @BeforeEach
    void start() throws Exception {
        rig = new ConsoleOnBroker(dir, Map.of("mqtt.maxPacketBytes", "2048"));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            rig.close();
        } finally {
            if (place != null) {
                place.close();
            }
        }
    }

    /** Moves the rig's console to a new empty store of that kind; the broker and the box stay. */
    private void on(StoreUnderTest store) throws Exception {
        place = store.open(dir.resolve("store-" + store));
        rig.restartOn(place.settings());
    }

    @Test
    void a_box_that_is_born_and_reports_shows_in_the_api_and_dies_offline() throws Exception {
        long t = System.currentTimeMillis();
        publish("spBv1.0/school/NBIRTH/box-7", new Payload(t, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, t))));
        publish("spBv1.0/school/DBIRTH/box-7/projector", new Payload(t, 1L, List.of(
                Metric.of(Metrics.POWER, MetricType.STRING, "on", t),
                Metric.of(Metrics.LAMP_HOURS, MetricType.INT64, 321L, t))));

        Await.until(SOON, "box-7 online with lamp hours", () -> {
            JsonObject box = boxes().stream().map(JsonObject.class::cast).filter(b -> "box-7".equals(
                    b.getString("boxId"))).findFirst().orElse(null);
            return box != null && box.getBoolean("online") && Long.valueOf(321).equals(
                    box.getJsonObject("projector").getLong("lampHours"));
        });

        publish("spBv1.0/school/NDEATH/box-7", new Payload(t, null, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t))));
        Await.until(SOON, "box-7 offline", () -> !boxes().getJsonObject(0).getBoolean("online"));
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(StoreUnderTest.class)
    void a_message_the_console_could_not_store_is_not_acknowledged_and_arrives_again_after_a_restart(
            StoreUnderTest store) throws Exception {
        on(store);
        TestGuard.expectErrors("cannot store");
        long t = System.currentTimeMillis();
        publish("spBv1.0/school/NBIRTH/box-7", new Payload(t, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, t))));
        Await.until(SOON, "box-7 born", () -> !boxes().isEmpty());
        rig.console().store().stop().await(10, TimeUnit.SECONDS);
        publish("spBv1.0/school/DDATA/box-7/projector", new Payload(t, 1L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 1L, t),
                Metric.of(Metrics.POWER, MetricType.STRING, "on", t))));
        Await.until(SOON, "the store failing", () -> ingest().getLong("storeFailures") > 0);
        rig.stopConsole();

        rig.startConsole();
        Await.until(SOON, "the record stored by the restarted console",
                () -> body("/api/v1/boxes/box-7/samples").contains("\"recordId\":1"));
        assertEquals(1, new JsonArray(body("/api/v1/boxes/box-7/samples")).size());
    }

    @Test
    void a_message_over_the_console_packet_limit_is_dropped_by_the_broker_and_later_ones_still_arrive()
            throws Exception {
        long t = System.currentTimeMillis();
        publish("spBv1.0/school/NBIRTH/box-7", new Payload(t, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t))));
        publish("spBv1.0/school/DDATA/box-7/projector", new Payload(t, 1L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 1L, t),
                Metric.of(Metrics.ERROR, MetricType.STRING, "e".repeat(3000), t))));
        publish("spBv1.0/school/DDATA/box-7/projector", new Payload(t, 2L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 2L, t),
                Metric.of(Metrics.POWER, MetricType.STRING, "on", t))));
        Await.until(SOON, "record 2 stored", () -> body("/api/v1/boxes/box-7/samples")
                .contains("\"recordId\":2"));
        assertEquals(1, new JsonArray(body("/api/v1/boxes/box-7/samples")).size());
        assertEquals("school", boxes().getJsonObject(0).getString("groupId"));
        assertEquals(3L, ingest().getLong("acknowledged"));
    }

    @Test
    void console_announces_itself_as_primary_host_with_a_retained_state() throws Exception {
        MqttClient watcher = new MqttClient(rig.brokerUri(), "watcher", new MemoryPersistence());
        HostState[] seen = new HostState[1];
        // Paho 1.2.5's MqttClient.subscribe(topic, qos, listener) recurses forever; a callback avoids it.
        watcher.setCallback(new OnMessage((topic, message) -> seen[0] = HostState.decode(message.getPayload())));
        watcher.connect(new MqttConnectionOptions());
        watcher.subscribe("spBv1.0/STATE/classbox-console", 1);
        Await.until(SOON, "retained STATE online", () -> seen[0] != null && seen[0].online());
        watcher.disconnect();
        watcher.close(true);
    }

    @Test
    void api_answers_bad_requests_with_a_json_error() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/boxes/nobody");
        assertEquals(404, unknown.statusCode());
        assertEquals("no box 'nobody'", new JsonObject(unknown.body()).getString("error"));

        HttpResponse<String> badLimit = get("/api/v1/boxes/nobody/samples?limit=lots");
        assertEquals(400, badLimit.statusCode());
        assertTrue(new JsonObject(badLimit.body()).getString("error").startsWith("limit must be a whole number"));
        assertFalse(badLimit.body().contains("Exception"));
    }

    @Test
    void operators_page_is_served_at_the_root() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("classbox fleet console"));
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(StoreUnderTest.class)
    void a_lesson_event_delivered_twice_is_one_row_and_lesson_figures_are_not_events(StoreUnderTest store)
            throws Exception {
        on(store);
        long t = System.currentTimeMillis();
        publish("spBv1.0/school/NBIRTH/box-7", new Payload(t, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, t))));
        String topic = "spBv1.0/school/DDATA/box-7/lesson-eng-5a";
        Payload answer = new Payload(t, 1L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.INT64, 41L, t),
                Metric.of(ClassroomMetrics.EVENT_KIND, MetricType.STRING, "answer", t),
                Metric.of(ClassroomMetrics.EVENT_MEDIA_TIME, MetricType.DOUBLE, 61.5, t),
                Metric.of(ClassroomMetrics.EVENT_TEXT, MetricType.STRING, "B", t),
                Metric.of(Metrics.RECORD_ID, MetricType.INT64, 42L, t),
                Metric.of("Lesson/GapSeconds", MetricType.DOUBLE, 4.0, t),
                Metric.of(Metrics.RECORD_ID, MetricType.INT64, 43L, t),
                Metric.of(ClassroomMetrics.SNAPSHOT_JPEG, MetricType.BYTES, new byte[] {(byte) 0xFF, (byte) 0xD8}, t)));
        publish(topic, answer);
        publish(topic, answer); // the box resends what it saw no PUBACK for

        String path = "/api/v1/boxes/school/box-7/lessons/eng-5a/events";
        Await.until(SOON, "the lesson's events", () -> new JsonArray(body(path)).size() == 2);
        publish(topic, new Payload(t, 2L, List.of(Metric.of(Metrics.RECORD_ID, MetricType.INT64, 44L, t),
                Metric.of(ClassroomMetrics.EVENT_KIND, MetricType.STRING, "help", t),
                Metric.of(ClassroomMetrics.EVENT_MEDIA_TIME, MetricType.DOUBLE, 70.0, t))));
        Await.until(SOON, "the help call", () -> new JsonArray(body(path)).size() == 3);
        JsonArray events = new JsonArray(body(path));
        assertEquals(List.of(41L, 43L, 44L), events.stream().map(e -> ((JsonObject) e).getLong("recordId")).toList());
        assertEquals("B", events.getJsonObject(0).getString("text"));
        assertEquals(61.5, events.getJsonObject(0).getDouble("mediaTime"));
        assertEquals("snapshot", events.getJsonObject(1).getString("kind"));
        assertEquals("/9g=", events.getJsonObject(1).getString("jpeg"));
        assertEquals(400, get("/api/v1/boxes/school/box-7/lessons/bad%20id/events").statusCode());
    }

    private void publish(String topic, Payload payload) throws Exception {
        rig.publish(topic, payload);
    }

    private String body(String path) {
        return rig.body(path);
    }

    private JsonObject ingest() {
        return new JsonObject(body("/api/v1/ingest"));
    }

    private JsonArray boxes() {
        return new JsonArray(body("/api/v1/boxes"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return rig.get(path);
    }
}
