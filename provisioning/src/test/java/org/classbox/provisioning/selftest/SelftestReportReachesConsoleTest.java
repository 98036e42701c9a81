package org.classbox.provisioning.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.EdgeAgent;
import org.classbox.agent.config.AgentConfig;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.console.FleetConsole;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.provisioning.cli.ExitCodes;
import org.classbox.settings.Settings;
import org.classbox.testing.Await;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way of a commissioning report: {@code selftest} in a simulated classroom drops it in the running agent's
 * outbox, the agent journals it and sends it through a real broker, and the console's box detail shows it.
 */
@ExtendWith(TestGuard.class)
class SelftestReportReachesConsoleTest {
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String ADMIN_PASSWORD = "selftest end to end admin";

    @TempDir
    Path dir;
    private SimulatedClassroom room;
    private Vertx vertx;
    private EmbeddedBroker broker;
    private FleetConsole console;
    private EdgeAgent agent;
    private ConsoleClient http;

    @BeforeEach
    void start_broker_console_and_the_box_agent() throws Exception {
        room = new SimulatedClassroom(dir);
        vertx = Vertx.vertx();
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dir.resolve("broker")));
        broker.start().await(30, TimeUnit.SECONDS);
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", broker.uri(),
                "mqtt.allowPlaintext", "true", "http.port", "0", "store.dataDir", dir.resolve("console").toString(),
                "auth.adminPassword", ADMIN_PASSWORD))));
        console.start().await(30, TimeUnit.SECONDS);
        http = new ConsoleClient(console.httpPort()).login("admin", ADMIN_PASSWORD);
        room.set("uplink.brokerUri", broker.uri()).set("classroom.port", "0")
                .set("commissioning.pollMillis", "200");
        Path config = room.configFile();
        agent = new EdgeAgent(vertx, AgentConfig.from(Settings.load(new String[] {"--config", config.toString()},
                Map.of())), () -> { });
        agent.start().await(30, TimeUnit.SECONDS);
        Await.until(SOON, "the box at the console", () -> http.get(detailPath()).status() == 200);
    }

    @AfterEach
    void stop_everything() throws Exception {
        agent.stop().await(30, TimeUnit.SECONDS);
        console.stop().await(30, TimeUnit.SECONDS);
        broker.stop().await(30, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        room.close();
    }

    @Test
    void the_box_page_shows_the_latest_report_with_its_steps() throws Exception {
        room.projector.faults().set(org.classbox.sim.faults.Fault.REFUSE);
        int exit = room.provision("selftest", "--config", room.configFile().toString(), "--report-dir",
                dir.resolve("reports").toString(), "--warmup-seconds", "5");
        assertEquals(ExitCodes.FAILED, exit, room.out + "\n" + room.err);

        JsonObject shown = Await.value(SOON, "the report on the box detail", () -> {
            Object c = new JsonObject(http.get(detailPath()).body()).getValue("commissioning");
            return c instanceof JsonObject json ? json : null;
        });
        assertFalse(shown.getBoolean("passed"));
        assertEquals("projector power on; projector input switch; projector power off", shown.getString("failed"));
        JsonArray steps = shown.getJsonArray("steps");
        assertEquals(5, steps.size(), steps.encodePrettily());
        assertEquals("camera snapshot", steps.getJsonObject(3).getString("device") + " "
                + steps.getJsonObject(3).getString("step"));
        assertTrue(steps.getJsonObject(3).getBoolean("passed"));
        assertEquals("host", steps.getJsonObject(4).getString("device"));
        assertTrue(steps.getJsonObject(0).getString("detail").startsWith("projector at 127.0.0.1:"),
                steps.getJsonObject(0).encode());
        Await.until(SOON, "the outbox emptied", () -> {
            try (var files = Files.list(dir.resolve("agent/outbox"))) {
                return files.findAny().isEmpty();
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    private static String detailPath() {
        return "/api/v1/boxes/county-7/box-0042/detail";
    }
}
