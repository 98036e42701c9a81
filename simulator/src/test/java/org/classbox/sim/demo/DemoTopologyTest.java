package org.classbox.sim.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.settings.Settings;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole demo topology on loopback: embedded broker, console and agent processes, projector and link simulators.
 * The link simulator runs the GEO profile (600 ms round trip); outages are triggered by the test.
 */
@ExtendWith(TestGuard.class)
class DemoTopologyTest {
    private static final String BOX = "box-e2e";
    private static final Duration SOON = Duration.ofSeconds(45);

    @TempDir
    Path dir;
    private Vertx vertx;
    private Demo demo;
    private ConsoleApi console;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void start_the_demo_topology() throws Exception {
        vertx = Vertx.vertx();
        DemoConfig config = DemoConfig.from(Settings.of(Map.of(
                "broker.port", "0", "console.httpPort", "0", "projector.port", "0", "link.port", "0",
                "link.outageEverySeconds", "0", "script.everySeconds", "0", "agent.pollMillis", "300",
                "boxId", BOX, "dataDir", dir.toString(), "lesson.originPort", "0")));
        demo = new Demo(vertx, config, new PrintStream(output, true, StandardCharsets.UTF_8));
        demo.start().await(90, TimeUnit.SECONDS);
        console = new ConsoleApi(demo.consoleUrl());
    }

    @AfterEach
    void stop_the_demo_topology() throws Exception {
        demo.stop().await(90, TimeUnit.SECONDS);
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void console_shows_the_projector_and_follows_a_power_change() {
        Await.until(SOON, "the console to list the box online with its projector on", () ->
                console.online(BOX) && "on".equals(console.projectorField(BOX, "power")));
        assertEquals("31", console.projectorField(BOX, "input"));
        assertEquals("1200", console.projectorField(BOX, "lampHours"));
        assertEquals("ok", console.projectorField(BOX, "error"));

        demo.projector().setPower(false);

        Await.until(SOON, "the power change to reach GET /api/v1/boxes", () ->
                List.of("cooling", "off").contains(console.projectorField(BOX, "power")));
    }

    @Test
    void box_turns_offline_when_the_agent_is_killed() throws Exception {
        Await.until(SOON, "the box online", () -> console.online(BOX));

        demo.agent().kill();

        Await.until(SOON, "the console to mark the box offline (NDEATH from the will)", () -> !console.online(BOX));
        demo.restartAgent();
        Await.until(SOON, "the restarted agent to come back online", () -> console.online(BOX));
    }

    @Test
    void every_sample_taken_during_a_link_outage_arrives_afterwards() throws Exception {
        Await.until(SOON, "the box online with its projector on", () ->
                "on".equals(console.projectorField(BOX, "power")));
        demo.link().goDown().await(10, TimeUnit.SECONDS);
        long outageStart = System.currentTimeMillis();

        List<String> inputs = List.of("32", "11", "31", "12");
        for (String input : inputs) {
            demo.projector().setInput(input);
            // Longer than a few agent polls, so the agent journals each input while the link is down.
            Thread.sleep(1200);
        }
        demo.link().comeUp().await(10, TimeUnit.SECONDS);

        Await.until(SOON, "every input sampled during the outage to reach the console", () ->
                historicalInputs(outageStart).containsAll(inputs));
        assertEquals(inputs, historicalInputs(outageStart), "in the order they were taken, once each");
        assertRecordIdsContiguousAndUnique();
    }

    private List<String> historicalInputs(long since) {
        JsonArray samples = console.samples(BOX, 1000);
        List<String> inputs = new ArrayList<>();
        for (int i = samples.size() - 1; i >= 0; i--) {
            JsonObject sample = samples.getJsonObject(i);
            if ("Input".equals(sample.getString("metric")) && sample.getBoolean("historical", false)
                    && takenAt(sample) >= since) {
                inputs.add(String.valueOf(sample.getValue("value")));
            }
        }
        return inputs;
    }

    private void assertRecordIdsContiguousAndUnique() {
        JsonArray samples = console.samples(BOX, 10000);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            long id = samples.getJsonObject(i).getLong("recordId");
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        ids.sort(Long::compare);
        assertFalse(ids.isEmpty());
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) == ids.get(i - 1) + 1, "record ids have no gap: " + ids);
        }
    }

    private static long takenAt(JsonObject sample) {
        Object value = sample.getValue("takenAt");
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        return java.time.Instant.parse(String.valueOf(value)).toEpochMilli();
    }
}
