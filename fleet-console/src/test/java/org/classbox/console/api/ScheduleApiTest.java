package org.classbox.console.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.console.FleetConsole;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.settings.Settings;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.lessons.LessonMetrics;
import org.classbox.sparkplug.lessons.ScheduleTopic;
import org.classbox.testing.Await;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.FreePorts;
import org.classbox.testing.OnMessage;
import org.classbox.testing.TestGuard;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's schedule API against a real broker: a box (a plain MQTT client here, speaking Sparkplug by hand)
 * receives what the console publishes and answers with the acknowledgement and figures the agent sends.
 */
@ExtendWith(TestGuard.class)
class ScheduleApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long T = 1_790_000_000_000L;

    @TempDir
    Path dir;
    private Vertx vertx;
    private EmbeddedBroker broker;
    private FleetConsole console;
    private MqttClient box;
    private final LinkedBlockingQueue<MqttMessage> schedules = new LinkedBlockingQueue<>();
    private ConsoleClient http;

    @BeforeEach
    void start_broker_console_and_box() throws Exception {
        vertx = Vertx.vertx();
        broker = new EmbeddedBroker(vertx, new BrokerConfig("127.0.0.1", FreePorts.tcp(), dir.resolve("broker")));
        broker.start().await(30, TimeUnit.SECONDS);
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", broker.uri(),
                "mqtt.allowPlaintext", "true", "http.port", "0", "store.dataDir", dir.resolve("console").toString(),
                "auth.adminPassword", "admin password of the test"))));
        console.start().await(30, TimeUnit.SECONDS);
        http = new ConsoleClient(console.httpPort()).login("admin", "admin password of the test");
        box = new MqttClient(broker.uri(), "box-42", new MemoryPersistence());
        box.setCallback(new OnMessage((topic, message) -> schedules.add(message)));
        box.connect();
        box.subscribe(ScheduleTopic.of("school-7", "box-42"), 1);
    }

    @AfterEach
    void stop_everything() throws Exception {
        box.disconnect();
        box.close(true);
        console.stop().await(30, TimeUnit.SECONDS);
        broker.stop().await(30, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void schedule_is_validated_published_retained_and_the_box_ack_and_figures_are_shown() throws Exception {
        ConsoleClient.Response bad = put(schedule(3, "2026-11-28T01:45:00Z"));
        assertEquals(400, bad.status());
        assertTrue(new JsonObject(bad.body()).getString("error").startsWith("lessons[0].end must be after start"),
                bad.body());

        String good = schedule(3, "2026-11-28T02:45:00Z");
        assertEquals(202, put(good).status());
        MqttMessage published = schedules.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(published, "the box did not receive its schedule");
        assertTrue(published.isRetained() || published.getQos() == 1);
        assertArrayEquals(good.getBytes(StandardCharsets.UTF_8), published.getPayload());
        ConsoleClient.Response again = put(good);
        assertEquals(409, again.status());
        assertTrue(again.body().contains("version 3 is not newer than version 3"), again.body());

        // The box acknowledges, then reports a lesson's figures, as the agent's journal sends them.
        boxSends("NBIRTH/box-42", Metric.of(Metrics.BD_SEQ, MetricType.INT64, 0L, T),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 77L, T));
        boxSends("DDATA/box-42/schedule", record(1),
                Metric.of(LessonMetrics.SCHEDULE_VERSION, MetricType.INT64, 3L, T),
                Metric.of(LessonMetrics.SCHEDULE_ERROR, MetricType.STRING, "", T));
        boxSends("DDATA/box-42/lesson-eng-5a", record(2),
                Metric.of(LessonMetrics.STATE, MetricType.STRING, "live", T),
                Metric.of(LessonMetrics.MINUTES_SCHEDULED, MetricType.INT64, 45L, T), record(3),
                Metric.of(LessonMetrics.DELAY_SECONDS, MetricType.DOUBLE, 4.5, T));

        JsonObject shown = Await.value(WAIT, "the box's acknowledgement", () -> {
            JsonObject answer = new JsonObject(get("/schedule").body());
            return answer.getJsonObject("box") == null ? null : answer;
        });
        assertEquals(3L, shown.getJsonObject("published").getLong("version"));
        assertEquals("English 5A", shown.getJsonObject("published").getJsonObject("schedule")
                .getJsonArray("lessons").getJsonObject(0).getString("title"));
        assertEquals(new JsonObject().put("version", 3L).putNull("error"), shown.getJsonObject("box"));
        JsonArray lessons = Await.value(WAIT, "the lesson's figures", () -> {
            JsonArray answer = new JsonArray(get("/lessons").body());
            return answer.isEmpty() ? null : answer;
        });
        assertEquals(new JsonObject().put("lessonId", "eng-5a").put("figures", new JsonObject()
                .put(LessonMetrics.DELAY_SECONDS, "4.5").put(LessonMetrics.MINUTES_SCHEDULED, "45")
                .put(LessonMetrics.STATE, "live")), lessons.getJsonObject(0));
    }

    private static String schedule(long version, String end) {
        return """
                {"version": %d, "lessons": [{"id": "eng-5a", "title": "English 5A", "start": "2026-11-28T02:00:00Z",
                  "end": "%s", "source": "http://origin.example/live.m3u8", "mode": "interactive"}]}"""
                .formatted(version, end);
    }

    private void boxSends(String topic, Metric... metrics) throws Exception {
        box.publish("spBv1.0/school-7/" + topic, PayloadCodec.encode(new Payload(T, 0L, List.of(metrics))), 1,
                false);
    }

    private static Metric record(long id) {
        return Metric.of(Metrics.RECORD_ID, MetricType.UINT64, id, T);
    }

    private ConsoleClient.Response put(String body) {
        return http.send("PUT", path("/schedule"), body);
    }

    private ConsoleClient.Response get(String path) {
        return http.get(path(path));
    }

    private static String path(String path) {
        return "/api/v1/boxes/school-7/box-42" + path;
    }
}
