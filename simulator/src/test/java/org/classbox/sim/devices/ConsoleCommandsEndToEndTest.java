package org.classbox.sim.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.classbox.agent.EdgeAgent;
import org.classbox.agent.config.AgentConfig;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.console.FleetConsole;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.drivers.pjlink.PowerState;
import org.classbox.settings.Settings;
import org.classbox.sim.projector.ProjectorSimConfig;
import org.classbox.sim.projector.ProjectorSimulator;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's commands from the console's API through a real broker to a real agent: the projector simulator is
 * switched on and the agent's answer is the command's outcome at the console; a reboot is answered, then the agent
 * restarts (here: a counter instead of an exit).
 */
@ExtendWith(TestGuard.class)
class ConsoleCommandsEndToEndTest {
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String COMMANDS = "/api/v1/boxes/school-9/box-9/commands";

    @TempDir
    Path dir;
    private Vertx vertx;
    private EmbeddedBroker broker;
    private ProjectorSimulator projector;
    private FleetConsole console;
    private EdgeAgent agent;
    private final AtomicInteger restarts = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start_broker_projector_console_and_agent() throws Exception {
        vertx = Vertx.vertx();
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dir.resolve("broker")));
        broker.start().await(30, TimeUnit.SECONDS);
        projector = new ProjectorSimulator(vertx, new ProjectorSimConfig(0, null, 300, 300, 10, 3_600_000));
        projector.start().await(5, TimeUnit.SECONDS);
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", broker.uri(),
                "mqtt.allowPlaintext", "true", "http.port", "0", "store.dataDir", dir.resolve("console").toString()))));
        console.start().await(30, TimeUnit.SECONDS);
        agent = new EdgeAgent(vertx, AgentConfig.from(Settings.of(Map.of(
                "identity.groupId", "school-9", "identity.boxId", "box-9",
                "uplink.brokerUri", broker.uri(), "tls.allowPlaintext", "true",
                "journal.dataDir", dir.resolve("agent").toString(), "classroom.port", "0",
                "devices.projector.port", String.valueOf(projector.port()),
                "devices.projector.pollMillis", "200"))), restarts::incrementAndGet);
        agent.start().await(30, TimeUnit.SECONDS);
        Await.until(SOON, "the projector at the console", () -> get("/api/v1/boxes/school-9/box-9/devices")
                .contains("\"projector\""));
    }

    @AfterEach
    void stop_everything() throws Exception {
        agent.stop().await(30, TimeUnit.SECONDS);
        console.stop().await(30, TimeUnit.SECONDS);
        projector.stop().await(5, TimeUnit.SECONDS);
        broker.stop().await(30, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void power_on_from_the_console_switches_the_projector_on_and_shows_the_agent_answer() throws Exception {
        HttpResponse<String> sent = post(COMMANDS, "{\"device\":\"projector\",\"name\":\"Power\",\"value\":\"on\"}");
        assertEquals(202, sent.statusCode(), sent.body());

        Await.until(SOON, "the answer at the console", () -> "ok".equals(newest().getString("state")));
        assertEquals("ok: power on accepted", newest().getString("outcome"));
        Await.until(SOON, "the projector on", () -> projector.power() == PowerState.ON);
    }

    @Test
    void reboot_from_the_console_is_answered_and_restarts_the_agent() throws Exception {
        HttpResponse<String> sent = post(COMMANDS, "{\"name\":\"Reboot\"}");
        assertEquals(202, sent.statusCode(), sent.body());

        Await.until(SOON, "the answer at the console", () -> "ok".equals(newest().getString("state")));
        assertEquals("ok: restarting", newest().getString("outcome"));
        assertEquals(1, restarts.get());
    }

    private JsonObject newest() {
        return new JsonArray(get(COMMANDS + "?limit=1")).getJsonObject(0);
    }

    private String get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path, e);
        }
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + console.httpPort() + path);
    }
}
