package org.classbox.sim.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.classroom.Classroom;
import org.classbox.agent.classroom.ClassroomLesson;
import org.classbox.agent.classroom.ClassroomSources;
import org.classbox.agent.config.AgentConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.uplink.MqttUplink;
import org.classbox.agent.uplink.sparkplug.EdgeNode;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.console.FleetConsole;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.BoxStore;
import org.classbox.settings.Settings;
import org.classbox.sparkplug.ClassroomMetrics;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class's answers from the classroom API to the console's rows: a real embedded broker, a real console (stopped
 * and started again mid-lesson, so the broker delivers what it queued and the box's uplink resends what was not
 * acknowledged), and the agent's real journal, uplink and classroom server in this JVM. Rows are counted in the
 * console's H2 file once it stopped.
 */
@ExtendWith(TestGuard.class)
class BackChannelEndToEndTest {
    private static final String ADMIN_PASSWORD = "admin password of the test";
    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String GROUP = "classbox";
    private static final String BOX = "box-cls";
    private static final String LESSON = "eng-5a-1128";

    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedBroker broker;
    private FleetConsole console;
    private Journal journal;
    private EdgeNode edgeNode;
    private Classroom classroom;

    @AfterEach
    void stop() throws Exception {
        if (classroom != null) {
            classroom.stop().await(10, TimeUnit.SECONDS);
        }
        if (edgeNode != null) {
            edgeNode.stop().await(30, TimeUnit.SECONDS);
        }
        if (journal != null) {
            journal.stop().await(30, TimeUnit.SECONDS);
        }
        if (console != null) {
            console.stop().await(30, TimeUnit.SECONDS);
        }
        if (broker != null) {
            broker.stop().await(30, TimeUnit.SECONDS);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void events_posted_reach_the_console_exactly_once_in_order() throws Exception {
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dir.resolve("broker")));
        broker.start().await(30, TimeUnit.SECONDS);
        console = startConsole();
        startAgent();

        post(1, 10);
        console.stop().await(30, TimeUnit.SECONDS);
        post(11, 20);
        console = startConsole();
        post(21, 30);

        Await.until(SOON, "30 events at the console", () -> consoleEvents().size() >= 30);
        ConsoleClient.Response api = new ConsoleClient(console.httpPort()).login("admin", ADMIN_PASSWORD)
                .get("/api/v1/boxes/" + GROUP + "/" + BOX + "/lessons/" + LESSON + "/events");
        JsonArray events = new JsonArray(api.body());
        assertEquals(30, events.size());
        JsonObject first = events.getJsonObject(0);
        assertEquals("answer", first.getString("kind"));
        assertEquals("answer 1", first.getString("text"));
        assertEquals(1.5, first.getDouble("mediaTime"));
        console.stop().await(30, TimeUnit.SECONDS);
        console = null;

        List<String> rows = rows();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            expected.add("answer " + i + " @ " + (i * 1.5));
        }
        assertEquals(expected, rows, "every event once, in the order it was posted");
    }

    @Test
    void a_fleet_privacy_command_stops_capture_and_the_console_shows_it() throws Exception {
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dir.resolve("broker")));
        broker.start().await(30, TimeUnit.SECONDS);
        console = startConsole();
        startAgent();
        Await.until(SOON, "the box online", () -> edgeNode.isOnline());

        MqttClient fleet = new MqttClient(broker.uri(), "fleet-operator", new MemoryPersistence());
        fleet.connect(new MqttConnectionOptions());
        long now = System.currentTimeMillis();
        fleet.publish("spBv1.0/" + GROUP + "/NCMD/" + BOX, new MqttMessage(PayloadCodec.encode(new Payload(now, null,
                List.of(Metric.of(ClassroomMetrics.PRIVACY, MetricType.BOOLEAN, true, now))))));
        fleet.disconnect();
        fleet.close();

        Await.until(SOON, "privacy mode on at the box", () -> classroom.privacy().on());
        Await.until(SOON, "privacy mode shown at the console", () -> {
            try {
                return console.store().samples(new BoxKey(GROUP, BOX), 100).await(10, TimeUnit.SECONDS).stream()
                        .anyMatch(s -> s.metric().equals(ClassroomMetrics.PRIVACY) && "true".equals(s.value()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private FleetConsole startConsole() throws Exception {
        FleetConsole started = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", broker.uri(),
                "mqtt.allowPlaintext", "true", "http.port", "0", "store.dataDir", dir.resolve("console").toString(),
                "auth.adminPassword", ADMIN_PASSWORD))));
        started.start().await(30, TimeUnit.SECONDS);
        return started;
    }

    /** The agent's journal, uplink and classroom server, wired as the agent does, on one context. */
    private void startAgent() throws Exception {
        AgentConfig config = AgentConfig.from(Settings.of(Map.of("identity.boxId", BOX,
                "uplink.brokerUri", broker.uri(), "tls.allowPlaintext", "true",
                "uplink.reconnectMinMillis", "50", "uplink.reconnectMaxMillis", "500",
                "journal.dataDir", dir.resolve("agent").toString(), "classroom.port", "0")));
        Context context = vertx.getOrCreateContext();
        Promise<Void> started = Promise.promise();
        context.runOnContext(v -> {
            journal = new Journal(vertx, config.journal());
            MqttUplink uplink = new MqttUplink(context, config.uplink(), config.tls(), BOX);
            edgeNode = new EdgeNode(vertx, config.identity(), config.uplink(), config.bandwidth(), journal, uplink,
                    now -> classroom.currentMetrics(now), null);
            Instant start = Instant.now().minusSeconds(60);
            ClassroomLesson lesson = new ClassroomLesson(LESSON, "English 5A", start, start.plusSeconds(2700), "live");
            classroom = new Classroom(vertx, config.classroom(), journal, edgeNode::recordAppended,
                    Router.router(vertx), new ClassroomSources(() -> Future.succeededFuture(List.of(lesson)),
                            () -> edgeNode.isOnline() ? "online" : "offline", id -> Optional.empty()));
            edgeNode.onCommand(classroom::command);
            journal.start().compose(x -> classroom.start()).compose(x -> edgeNode.start()).onComplete(started);
        });
        started.future().await(30, TimeUnit.SECONDS);
    }

    private void post(int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + classroom.port() + "/api/v1/events")).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("lessonId", LESSON)
                            .put("kind", "answer").put("text", "answer " + i).put("mediaTime", i * 1.5).encode()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, response.statusCode(), response.body());
        }
    }

    private List<?> consoleEvents() {
        try {
            return console.store().lessonEvents(new BoxKey(GROUP, BOX), LESSON, 1000).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of lesson_events, in record order, read from the stopped console's H2 file. */
    private List<String> rows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(BoxStore.jdbcUrl(dir.resolve("console")),
                "console", "");
             PreparedStatement ps = connection.prepareStatement("SELECT text, media_time FROM lesson_events"
                     + " WHERE group_id = ? AND box_id = ? AND lesson_id = ? ORDER BY epoch, record_id")) {
            ps.setString(1, GROUP);
            ps.setString(2, BOX);
            ps.setString(3, LESSON);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " @ " + rs.getDouble(2));
                }
            }
        }
        return rows;
    }
}
