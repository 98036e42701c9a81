package org.classbox.sim.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.settings.Settings;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole demo topology on loopback: embedded broker, console and agent processes, projector and link simulators,
 * lesson origin. The link simulators run the GEO profile (600 ms round trip); outages are triggered by the test.
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
    private long startedAt;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Starts the topology; the demo lesson only for the test about it (its room preparation sets the projector's
     * input, which the tests of projector samples set themselves).
     */
    @BeforeEach
    void start_the_demo_topology(TestInfo test) throws Exception {
        vertx = Vertx.vertx();
        boolean lesson = test.getTestMethod().map(m -> m.getName().startsWith("the_demo_lesson")).orElse(false);
        Map<String, String> settings = new HashMap<>(Map.of(
                "broker.port", "0", "console.httpPort", "0", "projector.port", "0", "link.port", "0",
                "link.lessonPort", "0", "classroom.port", "0", "lesson.originPort", "0",
                "lesson.minutes", lesson ? "30" : "0"));
        settings.putAll(Map.of("camera.port", "0", "camera.rtspPort", "0", "terminal.port", "0"));
        settings.putAll(Map.of("link.outageEverySeconds", "0", "script.everySeconds", "0", "agent.pollMillis", "300",
                "boxId", BOX, "dataDir", dir.toString()));
        DemoConfig config = DemoConfig.from(Settings.of(settings));
        startedAt = System.nanoTime();
        demo = new Demo(vertx, config, new PrintStream(output, true, StandardCharsets.UTF_8));
        demo.start().await(90, TimeUnit.SECONDS);
        console = new ConsoleApi(demo.consoleUrl()).login("admin", demo.adminPassword());
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
    void console_shows_every_demo_device_and_the_alarm_of_an_overheating_box() {
        List<String> devices = List.of("projector", "camera", "terminal", "host", "gpio");
        Await.until(SOON, "the console to show every demo device reachable", () -> {
            Map<String, JsonObject> shown = console.devices("classbox", BOX);
            return devices.stream().allMatch(id -> shown.containsKey(id)
                    && Boolean.TRUE.equals(shown.get(id).getBoolean("reachable")));
        });
        Map<String, JsonObject> shown = console.devices("classbox", BOX);
        assertEquals("UP", shown.get("terminal").getJsonObject("metrics").getJsonObject("Link/State")
                .getString("value"));
        assertEquals(Boolean.TRUE, shown.get("camera").getJsonObject("metrics").getJsonObject("Stream/Reachable")
                .getBoolean("value"));
        assertEquals("mock", shown.get("gpio").getJsonObject("metrics").getJsonObject("Platform")
                .getString("value"));
        assertTrue(shown.get("host").getJsonArray("alarms").isEmpty(), shown.get("host").encode());

        demo.devices().host().host().temperature(86);
        demo.devices().host().write();

        // The host is polled every 30 s by default.
        Await.until(Duration.ofSeconds(75), "Alarm/OverTemperature on the host at the console", () ->
                console.devices("classbox", BOX).get("host").getJsonArray("alarms").stream()
                        .map(a -> ((JsonObject) a).getString("name"))
                        .anyMatch("Alarm/OverTemperature"::equals));
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

    /**
     * What {@code ./classbox demo} promises a newcomer, with its default lesson (25 s after the start, 30 s behind
     * live): the schedule goes through the console, the box follows the origin through the lesson's link, and its
     * classroom page's live playlist lists stored segments within a minute of the start.
     */
    @Test
    void the_demo_lesson_plays_at_the_box_within_a_minute() {
        String playlist = "/lessons/" + demo.lessonId() + "/live.m3u8";
        Duration left = Duration.ofSeconds(60).minusNanos(System.nanoTime() - startedAt);
        String listed = Await.value(left, "the box's live playlist to list segments", () -> {
            String body = classroom(playlist);
            return body != null && !storedSegments(body).isEmpty() ? body : null;
        });
        assertTrue(listed.startsWith("#EXTM3U"), listed);
        String segment = storedSegments(listed).get(0);
        HttpResponse<byte[]> media = send("/lessons/" + demo.lessonId() + "/" + segment,
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, media.statusCode());
        assertEquals(0x47, media.body()[0], "an MPEG-TS segment from the box's own store");
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("classroom page     " + demo.classroomUrl()),
                "the demo prints the classroom page: " + output);
        assertTrue(demo.adminPassword().length() >= 16, "a random password, never a fixed default");
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("console: " + demo.consoleUrl() + "  login admin / "
                + demo.adminPassword()), "the demo prints how to log in: " + output);
    }

    /** The segment URIs of a playlist that are not marked {@code EXT-X-GAP}. */
    private static List<String> storedSegments(String playlist) {
        List<String> stored = new ArrayList<>();
        boolean gap = false;
        for (String line : playlist.lines().toList()) {
            if (line.equals("#EXT-X-GAP")) {
                gap = true;
            } else if (!line.isBlank() && !line.startsWith("#")) {
                if (!gap) {
                    stored.add(line);
                }
                gap = false;
            }
        }
        return stored;
    }

    private String classroom(String path) {
        HttpResponse<String> response = send(path, HttpResponse.BodyHandlers.ofString());
        return response != null && response.statusCode() == 200 ? response.body() : null;
    }

    private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.ports().classroom() + path))
                    .timeout(Duration.ofSeconds(5)).build(), handler);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    /**
     * Every record the box journaled reaches the console, whatever order the forwarder sends the classes in after an
     * outage (alarms and events before the health readings of the demo's other devices): the stored record ids end
     * up without a gap.
     */
    private void assertRecordIdsContiguousAndUnique() {
        Await.until(SOON, "the console's record ids to have no gap", () -> gaps(recordIds()).isEmpty());
        assertEquals(List.of(), gaps(recordIds()), "record ids have no gap: " + recordIds());
    }

    private List<Long> recordIds() {
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
        return ids;
    }

    private static List<Long> gaps(List<Long> ids) {
        List<Long> missing = new ArrayList<>();
        for (int i = 1; i < ids.size(); i++) {
            for (long id = ids.get(i - 1) + 1; id < ids.get(i); id++) {
                missing.add(id);
            }
        }
        return missing;
    }

    private static long takenAt(JsonObject sample) {
        Object value = sample.getValue("takenAt");
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        return java.time.Instant.parse(String.valueOf(value)).toEpochMilli();
    }
}
