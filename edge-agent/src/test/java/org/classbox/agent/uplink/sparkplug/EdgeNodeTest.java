package org.classbox.agent.uplink.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.classbox.agent.config.IdentityConfig;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.config.UplinkConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.agent.uplink.MqttUplink;
import org.classbox.agent.uplink.OnContext;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class EdgeNodeTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Vertx vertx;
    private EmbeddedBroker broker;
    private Journal journal;
    private EdgeNode node;
    private Context context;
    private BrokerSubscriber subscriber;

    @BeforeEach
    void start_broker_and_node() throws Exception {
        vertx = Vertx.vertx();
        int port = FreePorts.tcp();
        broker = new EmbeddedBroker(vertx, new BrokerConfig("127.0.0.1", port, dir.resolve("broker")));
        await(broker.start());
        // Same client id: the broker kept its session and delivers what arrived while it was away.
        subscriber = new BrokerSubscriber(broker.uri(), "host-under-test");
        journal = new Journal(vertx, JournalConfig.defaults(dir.resolve("agent")));
        await(journal.start());
        context = vertx.getOrCreateContext();
        UplinkConfig uplink = new UplinkConfig(broker.uri(), 10, 5, 50, 500, 5, 4, "");
        node = onContext(() -> new EdgeNode(vertx, new IdentityConfig("school-7", "box-42"), uplink, journal,
                new MqttUplink(context, uplink, "box-42"), now -> Map.of("projector",
                List.of(Metric.of(Metrics.POWER, MetricType.STRING, "on", now)))));
        await(onContextFuture(node::start));
    }

    @AfterEach
    void stop_everything() throws Exception {
        await(onContextFuture(node::stop));
        await(journal.stop());
        subscriber.close();
        await(broker.stop());
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void births_come_first_with_matching_bd_seq_then_journal_records_as_ddata_in_order() throws Exception {
        Await.until(WAIT, "NBIRTH and DBIRTH", () -> !subscriber.of(MessageType.DBIRTH).isEmpty());
        Payload birth = subscriber.of(MessageType.NBIRTH).get(0).payload();
        assertEquals(0L, birth.seq());
        assertEquals(journal.epoch(), birth.metric(Metrics.JOURNAL_EPOCH).orElseThrow().value());
        assertEquals("", birth.metric(Metrics.BOX_SCHOOL).orElseThrow().value(), "metadata not configured: empty");

        List<Long> ids = appendPowerSamples(12);

        Await.until(WAIT, "all 12 records delivered", () -> deliveredRecordIds().size() == 12);
        assertEquals(ids, deliveredRecordIds());
        Await.until(WAIT, "journal emptied after PUBACKs", () -> journal.size() == 0);
        assertTrue(subscriber.of(MessageType.DDATA).size() >= 3, "batches of at most 5 records");
        List<Long> seqs = subscriber.of(MessageType.DDATA).stream().map(r -> r.payload().seq())
                .collect(Collectors.toList());
        assertEquals(2L, seqs.get(0), "NBIRTH is seq 0, DBIRTH seq 1, first DDATA seq 2");
    }

    @Test
    void records_taken_while_the_broker_is_down_arrive_afterwards_marked_historical() throws Exception {
        Await.until(WAIT, "first birth", () -> !subscriber.of(MessageType.DBIRTH).isEmpty());
        subscriber.close();
        await(broker.stop());
        Await.until(WAIT, "the node notices the outage", () -> !node.isOnline());

        List<Long> ids = appendPowerSamples(7);
        assertEquals(7, journal.size());

        await(broker.start());
        // Same client id: the broker kept its session and delivers what arrived while it was away.
        subscriber = new BrokerSubscriber(broker.uri(), "host-under-test");
        Await.until(WAIT, "backlog delivered after reconnect", () -> deliveredRecordIds().containsAll(ids));
        Await.until(WAIT, "journal emptied", () -> journal.size() == 0);
        assertTrue(subscriber.of(MessageType.DDATA).stream().flatMap(r -> r.payload().metrics().stream())
                .allMatch(Metric::historical), "backlog is historical");
        Payload rebirth = subscriber.of(MessageType.NBIRTH).get(0).payload();
        assertEquals(7L, rebirth.metric(Metrics.JOURNAL_BACKLOG).orElseThrow().value());
    }

    @Test
    void rebirth_command_republishes_births() throws Exception {
        Await.until(WAIT, "first birth", () -> subscriber.of(MessageType.NBIRTH).size() == 1);
        long now = System.currentTimeMillis();
        subscriber.publish("spBv1.0/school-7/NCMD/box-42", PayloadCodec.encode(new Payload(now, null,
                List.of(Metric.of(Metrics.REBIRTH, MetricType.BOOLEAN, true, now)))));
        Await.until(WAIT, "second NBIRTH", () -> subscriber.of(MessageType.NBIRTH).size() == 2);
        Await.until(WAIT, "second DBIRTH", () -> subscriber.of(MessageType.DBIRTH).size() == 2);
    }

    @Test
    void a_device_birth_after_data_names_each_metric_once_with_the_record_id_given() throws Exception {
        Await.until(WAIT, "first birth", () -> subscriber.of(MessageType.DBIRTH).size() == 1);
        appendPowerSamples(3);
        Await.until(WAIT, "records delivered", () -> deliveredRecordIds().size() == 3);
        long now = System.currentTimeMillis();
        subscriber.publish("spBv1.0/school-7/NCMD/box-42", PayloadCodec.encode(new Payload(now, null,
                List.of(Metric.of(Metrics.REBIRTH, MetricType.BOOLEAN, true, now)))));
        Await.until(WAIT, "second DBIRTH", () -> subscriber.of(MessageType.DBIRTH).size() == 2);

        // The data declared Journal/RecordId before this birth; it must not come twice, once as null.
        Payload birth = subscriber.of(MessageType.DBIRTH).get(1).payload();
        List<String> names = birth.metrics().stream().map(Metric::name).collect(Collectors.toList());
        assertEquals(names.stream().distinct().count(), names.size(), "each metric once: " + names);
        assertTrue(birth.metric(Metrics.RECORD_ID).orElseThrow().value() instanceof Long);
    }

    @Test
    void stopping_publishes_the_node_death_with_the_birth_bd_seq() throws Exception {
        Await.until(WAIT, "first birth", () -> subscriber.of(MessageType.NBIRTH).size() == 1);
        Object bdSeq = subscriber.of(MessageType.NBIRTH).get(0).payload().metric(Metrics.BD_SEQ).orElseThrow().value();
        await(onContextFuture(node::stop));
        Await.until(WAIT, "NDEATH", () -> subscriber.of(MessageType.NDEATH).size() == 1);
        assertEquals(bdSeq, subscriber.of(MessageType.NDEATH).get(0).payload().metric(Metrics.BD_SEQ).orElseThrow()
                .value());
    }

    private List<Long> appendPowerSamples(int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long now = System.currentTimeMillis();
            byte[] body = PayloadCodec.encode(new Payload(now, null,
                    List.of(Metric.of(Metrics.POWER, MetricType.STRING, i % 2 == 0 ? "on" : "off", now))));
            ids.add(await(journal.append(new JournalEntry(RecordClass.HEALTH, "projector", now, body))));
            context.runOnContext(v -> node.recordAppended());
        }
        return ids;
    }

    private List<Long> deliveredRecordIds() {
        return subscriber.of(MessageType.DDATA).stream().flatMap(r -> r.payload().metrics().stream())
                .filter(m -> m.name().equals(Metrics.RECORD_ID)).map(Metric::longValue).collect(Collectors.toList());
    }

    private <T> T onContext(Callable<T> work) throws Exception {
        return vertx.<T>executeBlocking(work).await(10, TimeUnit.SECONDS);
    }

    private <T> Future<T> onContextFuture(Callable<Future<T>> work) {
        return OnContext.run(context, work);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(30, TimeUnit.SECONDS);
    }
}
