package org.classbox.agent.lessons.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.config.IdentityConfig;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.config.UplinkConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.lessons.storage.LessonDatabase;
import org.classbox.agent.uplink.MqttUplink;
import org.classbox.agent.uplink.OnContext;
import org.classbox.agent.uplink.sparkplug.EdgeNode;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.sparkplug.AliasBook;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.SparkplugTopic;
import org.classbox.sparkplug.lessons.LessonMetrics;
import org.classbox.sparkplug.lessons.Schedule;
import org.classbox.sparkplug.lessons.ScheduleTopic;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.OnMessage;
import org.classbox.testing.TestGuard;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedule travels as the fleet sends it: retained on the box's topic of a real broker, through the agent's own
 * uplink, into the lessons' H2 file, and acknowledged back as journal records the fleet receives as DDATA.
 */
@ExtendWith(TestGuard.class)
class ScheduleOverMqttTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOPIC = ScheduleTopic.of("school-7", "box-42");

    @TempDir
    Path dir;
    private Vertx vertx;
    private EmbeddedBroker broker;
    private Context context;
    private Agent agent;
    private MqttClient fleet;
    private final List<Map<String, Object>> acks = new CopyOnWriteArrayList<>();

    /** The parts of one agent run that the schedule needs: journal, lessons' database, uplink and inbox. */
    private final class Agent {
        final Journal journal = new Journal(vertx, JournalConfig.defaults(dir.resolve("agent")));
        final LessonDatabase lessons = new LessonDatabase(vertx, dir.resolve("agent").resolve("lessons"));
        final ScheduleInbox inbox = new ScheduleInbox(lessons, journal, System::currentTimeMillis);
        EdgeNode node;

        /** Starts journal, database and inbox (the stored schedule is loaded here), then MQTT when asked. */
        Agent start(boolean online) throws Exception {
            await(journal.start());
            await(lessons.start());
            await(OnContext.run(context, inbox::start));
            if (online) {
                UplinkConfig uplink = new UplinkConfig(broker.uri(), 10, 5, 50, 500, 5, 4, "");
                node = await(OnContext.run(context, () -> Future.succeededFuture(new EdgeNode(vertx,
                        new IdentityConfig("school-7", "box-42"), uplink, journal,
                        new MqttUplink(context, uplink, "box-42"), now -> Map.of()))));
                node.subscribe(TOPIC, body -> inbox.accept(body));
                inbox.onAppended(id -> node.recordAppended());
                await(OnContext.run(context, node::start));
            }
            return this;
        }

        void stop() throws Exception {
            if (node != null) {
                await(OnContext.run(context, node::stop));
            }
            await(lessons.stop());
            await(journal.stop());
        }
    }

    @BeforeEach
    void start_broker_fleet_and_agent() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        broker = new EmbeddedBroker(vertx, new BrokerConfig("127.0.0.1", FreePorts.tcp(), dir.resolve("broker")));
        await(broker.start());
        fleet = new MqttClient(broker.uri(), "fleet-console", new MemoryPersistence());
        AliasBook aliases = new AliasBook();
        fleet.setCallback(new OnMessage((topic, message) -> {
            SparkplugTopic parsed = SparkplugTopic.parse(topic);
            if (LessonMetrics.SCHEDULE_DEVICE.equals(parsed.deviceId()) && parsed.type() == MessageType.DDATA) {
                Payload payload = aliases.decode(parsed, message.getPayload());
                Map<String, Object> ack = new java.util.HashMap<>();
                for (Metric m : payload.metrics()) {
                    ack.put(m.name(), m.value());
                }
                acks.add(ack);
            } else if (parsed.type() != MessageType.STATE) {
                aliases.decode(parsed, message.getPayload());
            }
        }));
        fleet.connect();
        fleet.subscribe("spBv1.0/#", 1);
        agent = new Agent().start(true);
    }

    @AfterEach
    void stop_everything() throws Exception {
        agent.stop();
        if (fleet.isConnected()) {
            fleet.disconnect();
        }
        fleet.close(true);
        await(broker.stop());
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void schedule_survives_agent_restart() throws Exception {
        publish(schedule(3, "2026-11-28T02:00:00Z", "2026-11-28T02:45:00Z"));
        awaitAck(3L, "");
        Schedule applied = agent.inbox.current();
        assertEquals(3, applied.version());

        agent.stop();
        // The broker is gone too: the restarted agent must run its lessons from its own H2 file, before any MQTT.
        await(broker.stop());
        agent = new Agent().start(false);

        assertEquals(applied, agent.inbox.current());
        assertEquals("eng-5a", agent.inbox.current().lessons().get(0).id());
        await(broker.start());
    }

    @Test
    void bad_schedule_is_rejected_with_reason_and_old_kept() throws Exception {
        publish(schedule(3, "2026-11-28T02:00:00Z", "2026-11-28T02:45:00Z"));
        awaitAck(3L, "");

        publish(schedule(4, "2026-11-28T02:00:00Z", "2026-11-28T01:45:00Z"));
        Map<String, Object> rejected = awaitAck(3L, null);
        assertTrue(((String) rejected.get(LessonMetrics.SCHEDULE_ERROR)).startsWith(
                "version 4 rejected: lessons[0].end must be after start 2026-11-28T02:00:00Z"), rejected.toString());
        assertEquals(3, agent.inbox.current().version());

        // An older version changes nothing and is acknowledged again, without an error.
        int before = acks.size();
        publish(schedule(2, "2026-11-28T05:00:00Z", "2026-11-28T05:45:00Z"));
        Await.until(WAIT, "the older version acknowledged", () -> acks.size() > before);
        assertEquals(Map.of(LessonMetrics.SCHEDULE_VERSION, 3L, LessonMetrics.SCHEDULE_ERROR, ""),
                withoutRecordId(acks.get(acks.size() - 1)));

        agent.stop();
        agent = new Agent().start(false);
        assertEquals(3, agent.inbox.current().version(), "the rejected version was stored");
        assertEquals("2026-11-28T02:45:00Z", agent.inbox.current().lessons().get(0).end().toString());
    }

    private static String schedule(long version, String start, String end) {
        return """
                {"version": %d, "lessons": [{"id": "eng-5a", "title": "English 5A", "start": "%s", "end": "%s",
                  "source": "http://origin.example/live/eng/master.m3u8", "mode": "interactive",
                  "room": {"projectorInput": "31", "camera": true}}]}""".formatted(version, start, end);
    }

    private void publish(String json) throws Exception {
        fleet.publish(TOPIC, json.getBytes(StandardCharsets.UTF_8), 1, true);
    }

    /** Waits for an acknowledgement of {@code version} whose error is {@code error} (null: any non-empty one). */
    private Map<String, Object> awaitAck(long version, String error) {
        return Await.value(WAIT, "acknowledgement of version " + version + " with error " + error, () -> acks.stream()
                .filter(a -> Long.valueOf(version).equals(a.get(LessonMetrics.SCHEDULE_VERSION)))
                .filter(a -> error == null ? !"".equals(a.get(LessonMetrics.SCHEDULE_ERROR))
                        : error.equals(a.get(LessonMetrics.SCHEDULE_ERROR)))
                .findFirst().orElse(null));
    }

    private static Map<String, Object> withoutRecordId(Map<String, Object> ack) {
        Map<String, Object> copy = new java.util.HashMap<>(ack);
        copy.remove(org.classbox.sparkplug.Metrics.RECORD_ID);
        return copy;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
