package org.classbox.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Commands through a real console and a real broker to a box played by a Paho client, and the box's answers. */
@ExtendWith(TestGuard.class)
class CommandApiTest {
    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String COMMANDS = "/api/v1/boxes/school/box-7/commands";
    private static final long T = 1_764_000_000_000L;

    @TempDir
    Path dir;
    private ConsoleOnBroker rig;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private record Received(String topic, Payload payload) {
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void a_power_command_goes_out_as_a_dcmd_and_the_box_answer_is_its_outcome() throws Exception {
        givenABornBoxWithAProjector(Map.of());
        HttpResponse<String> sent = rig.post(COMMANDS, "{\"device\":\"projector\",\"name\":\"Power\",\"value\":\"on\"}");

        assertEquals(202, sent.statusCode(), sent.body());
        JsonObject command = new JsonObject(sent.body());
        assertEquals("sent", command.getString("state"));
        assertEquals("system", command.getString("operator"));
        Await.until(SOON, "the DCMD at the box", () -> received.size() == 1);
        assertEquals("spBv1.0/school/DCMD/box-7/projector", received.get(0).topic());
        List<Metric> metrics = received.get(0).payload().metrics();
        assertEquals(1, metrics.size());
        assertEquals("Power", metrics.get(0).name());
        assertEquals(MetricType.STRING, metrics.get(0).type());
        assertEquals("on", metrics.get(0).value());

        byte[] answer = PayloadCodec.encode(new Payload(T + 1, 2L, List.of(record(20, T + 1),
                Metric.of("Command/Power", MetricType.STRING, "ok: power on accepted", T + 1))));
        rig.publish("spBv1.0/school/DDATA/box-7/projector", answer);
        Await.until(SOON, "the answer", () -> "ok".equals(newest().getString("state")));
        JsonObject answered = newest();
        assertEquals(command.getLong("id"), answered.getLong("id"));
        assertEquals("ok: power on accepted", answered.getString("outcome"));
        assertNotNull(answered.getString("answeredAt"));
        assertEquals("projector", answered.getString("device"));

        // A second command; the first answer delivered again (a lost PUBACK) must not settle it.
        assertEquals(202, rig.post(COMMANDS, "{\"device\":\"projector\",\"name\":\"Power\",\"value\":\"off\"}")
                .statusCode());
        rig.publish("spBv1.0/school/DDATA/box-7/projector", answer);
        rig.publish("spBv1.0/school/DDATA/box-7/projector", PayloadCodec.encode(new Payload(T + 2, 3L, List.of(
                record(21, T + 2), Metric.of("Input", MetricType.STRING, "31", T + 2)))));
        Await.until(SOON, "the record after the repeat", () -> rig.body("/api/v1/boxes/school/box-7/devices")
                .contains("\"31\""));
        assertEquals("sent", newest().getString("state"));
        assertEquals(2, rig.count("SELECT COUNT(*) FROM audit_log WHERE action = 'command'"));
        assertEquals(1, rig.count("SELECT COUNT(*) FROM audit_log WHERE action = 'command-outcome'"));
        JsonArray fleet = new JsonArray(rig.body("/api/v1/commands?limit=1"));
        assertEquals(1, fleet.size());
        assertEquals("off", fleet.getJsonObject(0).getString("value"));
    }

    @Test
    void unknown_commands_devices_and_wrong_values_are_refused_and_nothing_is_published() throws Exception {
        givenABornBoxWithAProjector(Map.of());
        assertRefused(400, "{\"device\":\"projector\",\"name\":\"Dance\",\"value\":\"on\"}", "Power (projector)");
        assertRefused(400, "{\"device\":\"fridge\",\"name\":\"Power\",\"value\":\"on\"}", "[projector]");
        assertRefused(400, "{\"device\":\"projector\",\"name\":\"Power\",\"value\":true}",
                "command Power (projector) takes \\\"on\\\" or \\\"off\\\", but was true");
        assertRefused(400, "{\"device\":\"projector\",\"name\":\"Input\",\"value\":\"HDMI\"}", "PJLink input code");
        assertRefused(400, "{\"device\":\"gpio\",\"name\":\"Relay/screen\",\"value\":\"on\"}", "true or false");
        assertRefused(400, "{\"name\":\"Reboot\",\"value\":false}", "command Reboot (the box) takes true");
        assertRefused(400, "{\"name\":\"Power\",\"value\":\"on\"}", "device commands need a device");
        assertRefused(400, "{\"device\":\"projector\",\"name\":\"Power\"", "");
        assertRefused(400, "[1]", "");
        HttpResponse<String> unknownBox = rig.post("/api/v1/boxes/school/box-8/commands",
                "{\"device\":\"projector\",\"name\":\"Power\",\"value\":\"on\"}");
        assertEquals(404, unknownBox.statusCode(), unknownBox.body());

        // Messages of one session arrive in order: had any refused command gone out, it would come before this one.
        assertEquals(202, rig.post(COMMANDS, "{\"device\":\"projector\",\"name\":\"Mute/Video\",\"value\":true}")
                .statusCode());
        Await.until(SOON, "the accepted command", () -> !received.isEmpty());
        assertEquals("Mute/Video", received.get(0).payload().metrics().get(0).name());
        assertEquals(1, received.size());
        assertEquals(1, rig.count("SELECT COUNT(*) FROM commands"));
        assertEquals(1, rig.count("SELECT COUNT(*) FROM audit_log"));
    }

    @Test
    void rebirth_goes_out_as_an_ncmd_and_the_next_birth_answers_it() throws Exception {
        givenABornBoxWithAProjector(Map.of());
        HttpResponse<String> sent = rig.post(COMMANDS, "{\"name\":\"Rebirth\"}");

        assertEquals(202, sent.statusCode(), sent.body());
        Await.until(SOON, "the NCMD", () -> received.size() == 1);
        assertEquals("spBv1.0/school/NCMD/box-7", received.get(0).topic());
        Metric rebirth = received.get(0).payload().metrics().get(0);
        assertEquals(Metrics.REBIRTH, rebirth.name());
        assertEquals(Boolean.TRUE, rebirth.value());
        rig.publish("spBv1.0/school/NBIRTH/box-7", new Payload(T, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, T),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, T))));
        Await.until(SOON, "the birth as the answer", () -> "ok".equals(newest().getString("state")));
        assertEquals(null, newest().getValue("device"));
    }

    @Test
    void a_command_while_the_broker_is_down_is_refused_with_503_and_kept_as_failed() throws Exception {
        givenABornBoxWithAProjector(Map.of());
        rig.stopBroker();

        HttpResponse<String> refused = rig.post(COMMANDS, "{\"name\":\"Reboot\"}");

        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(new JsonObject(refused.body()).getString("error").contains("not connected to the broker"));
        JsonObject failed = newest();
        assertEquals("failed", failed.getString("state"));
        assertTrue(failed.getString("outcome").startsWith("failed: not sent"), failed.getString("outcome"));
        assertEquals(1, rig.count("SELECT COUNT(*) FROM audit_log WHERE action = 'command'"));
        assertEquals(1, rig.count("SELECT COUNT(*) FROM audit_log WHERE action = 'command-outcome'"));

        // Back once the console has reconnected (Paho's reconnect thread ends only then).
        rig.startBroker();
        Await.until(SOON, "a command taken again", () -> send("{\"name\":\"Rebirth\"}") == 202);
    }

    @Test
    void a_command_not_answered_in_time_becomes_unanswered() throws Exception {
        givenABornBoxWithAProjector(Map.of("commands.answerSeconds", "1"));

        assertEquals(202, rig.post(COMMANDS, "{\"device\":\"projector\",\"name\":\"Freeze\",\"value\":false}")
                .statusCode());

        Await.until(SOON, "the sweep", () -> "unanswered".equals(newest().getString("state")));
        assertEquals(1, rig.count("SELECT COUNT(*) FROM audit_log WHERE action = 'command-outcome'"
                + " AND outcome = 'unanswered'"));
        // A late answer still settles it: nothing newer waits for one.
        rig.publish("spBv1.0/school/DDATA/box-7/projector", PayloadCodec.encode(new Payload(T + 1, 2L, List.of(
                record(30, T + 1), Metric.of("Command/Freeze", MetricType.STRING, "rejected: not on", T + 1)))));
        Await.until(SOON, "the late answer", () -> "rejected".equals(newest().getString("state")));
    }

    private void givenABornBoxWithAProjector(Map<String, String> settings) throws Exception {
        rig = new ConsoleOnBroker(dir, settings);
        rig.publish("spBv1.0/school/NBIRTH/box-7", new Payload(T, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, T),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, T))));
        rig.publish("spBv1.0/school/DBIRTH/box-7/projector", new Payload(T, 1L, List.of(record(10, T),
                Metric.of("Power", MetricType.STRING, "off", T), Metric.of("Input", MetricType.STRING, "11", T))));
        Await.until(SOON, "the projector's birth", () -> rig.body("/api/v1/boxes/school/box-7/devices")
                .contains("projector"));
        rig.subscribe("spBv1.0/school/#", (topic, message) -> {
            if (topic.contains("CMD")) {
                received.add(new Received(topic, PayloadCodec.decode(message.getPayload())));
            }
        });
    }

    private void assertRefused(int status, String body, String says) throws Exception {
        HttpResponse<String> response = rig.post(COMMANDS, body);
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(says), response.body());
    }

    private int send(String json) {
        try {
            return rig.post(COMMANDS, json).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObject newest() {
        return new JsonArray(rig.body(COMMANDS + "?limit=1")).getJsonObject(0);
    }

    private static Metric record(long id, long at) {
        return Metric.of(Metrics.RECORD_ID, MetricType.UINT64, id, at);
    }
}
