package org.classbox.agent.uplink.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import java.util.concurrent.atomic.AtomicInteger;
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
import org.classbox.sparkplug.HostState;
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
import org.slf4j.LoggerFactory;

/** The uplink against embedded HiveMQ, whose Receive Maximum (10 by default) is below what the box asks for. */
@ExtendWith(TestGuard.class)
class UplinkPressureTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private Vertx vertx;
    private EmbeddedBroker broker;
    private Journal journal;
    private Context context;
    private BrokerSubscriber subscriber;
    private MqttUplink uplink;
    private EdgeNode node;
    private int port;

    @BeforeEach
    void start_broker() throws Exception {
        vertx = Vertx.vertx();
        port = FreePorts.tcp();
        broker = new EmbeddedBroker(vertx, new BrokerConfig("127.0.0.1", port, dir.resolve("broker")));
        broker.start().await(30, TimeUnit.SECONDS);
        subscriber = new BrokerSubscriber(broker.uri(), "host-under-test");
        journal = new Journal(vertx, JournalConfig.defaults(dir.resolve("agent")));
        journal.start().await(30, TimeUnit.SECONDS);
        context = vertx.getOrCreateContext();
    }

    @AfterEach
    void stop_everything() throws Exception {
        if (node != null) {
            onContext(node::stop).await(30, TimeUnit.SECONDS);
        } else if (uplink != null) {
            onContext(uplink::close).await(30, TimeUnit.SECONDS);
        }
        journal.stop().await(30, TimeUnit.SECONDS);
        subscriber.close();
        broker.stop().await(30, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void publishes_past_the_brokers_receive_maximum_wait_for_a_slot_and_all_arrive() throws Exception {
        UplinkConfig config = config(40);
        uplink = new MqttUplink(context, config, "box-42");
        onContext(() -> uplink.connect("spBv1.0/school-7/NDEATH/box-42", new byte[0])).await(20, TimeUnit.SECONDS);
        assertTrue(uplink.receiveMaximum() < 40, "HiveMQ's Receive Maximum: " + uplink.receiveMaximum());

        List<Future<Void>> acks = onContext(() -> {
            List<Future<Void>> all = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                long now = System.currentTimeMillis();
                all.add(uplink.publish("spBv1.0/school-7/NDATA/box-42", PayloadCodec.encode(new Payload(now, null,
                        List.of(Metric.of("N", MetricType.INT64, (long) i, now)))), 1, false));
            }
            return Future.succeededFuture(all);
        }).await(10, TimeUnit.SECONDS);

        Future.all(acks).await(20, TimeUnit.SECONDS);
        Await.until(WAIT, "all 60 at the broker", () -> subscriber.of(MessageType.NDATA).size() == 60);
    }

    @Test
    void max_in_flight_above_the_receive_maximum_drains_interleaved_streams_with_nothing_stranded() throws Exception {
        List<Long> ids = append(300, 6);
        startNode(config(40), now -> Map.of());

        Await.until(WAIT, "all 300 records delivered", () -> deliveredRecordIds().size() >= 300);
        Await.until(WAIT, "journal emptied", () -> journal.size() == 0);
        assertEquals(ids, deliveredRecordIds().stream().sorted().distinct().collect(Collectors.toList()));
        int messages = subscriber.of(MessageType.DDATA).size();
        // Packing only consecutive records of one stream would take one message per record here.
        assertTrue(messages <= 300 / 5 * 2, "batches of up to 5 per device: " + messages);
        for (int d = 0; d < 6; d++) {
            String device = "device-" + d;
            List<Long> perDevice = subscriber.of(MessageType.DDATA).stream()
                    .filter(r -> r.topic().deviceId().equals(device))
                    .flatMap(r -> r.payload().metrics().stream())
                    .filter(m -> m.name().equals(Metrics.RECORD_ID)).map(Metric::longValue)
                    .collect(Collectors.toList());
            assertEquals(perDevice.stream().sorted().toList(), perDevice, device + " in order");
        }
        assertEquals(6, subscriber.of(MessageType.DBIRTH).size(), "each device born before its first DDATA");
    }

    @Test
    void a_session_whose_births_fail_is_ended_with_its_death_before_the_next_try() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        startNode(config(8), now -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("device supervisor not ready");
            }
            return Map.of(Metrics.PROJECTOR_DEVICE, List.of(Metric.of(Metrics.POWER, MetricType.STRING, "on", now)));
        });

        Await.until(WAIT, "a device birth on the second session", () -> !subscriber.of(MessageType.DBIRTH).isEmpty());
        List<BrokerSubscriber.Received> births = subscriber.of(MessageType.NBIRTH);
        List<BrokerSubscriber.Received> deaths = subscriber.of(MessageType.NDEATH);
        assertEquals(2, births.size());
        assertEquals(1, deaths.size(), "the half-made session announced its death");
        assertEquals(births.get(0).payload().metric(Metrics.BD_SEQ).orElseThrow().value(),
                deaths.get(0).payload().metric(Metrics.BD_SEQ).orElseThrow().value());
        assertTrue(node.isOnline());
    }

    @Test
    void the_days_byte_counts_continue_after_a_restart() throws Exception {
        Path meter = dir.resolve("agent").resolve("link-bytes.txt");
        startNode(config(8), now -> Map.of(), meter);
        Await.until(WAIT, "births counted", () -> onContextValue(() -> node.bytesToday(RecordClass.HEALTH)) > 0);
        long before = onContextValue(() -> node.bytesToday(RecordClass.HEALTH));
        onContext(node::stop).await(30, TimeUnit.SECONDS);
        assertTrue(java.nio.file.Files.exists(meter), "saved at stop");

        startNode(config(8), now -> Map.of(), meter);

        Await.until(WAIT, "the second session's births", () -> subscriber.of(MessageType.NBIRTH).size() == 2);
        assertTrue(onContextValue(() -> node.bytesToday(RecordClass.HEALTH)) > before,
                "counting went on from " + before);
    }

    @Test
    void births_wait_until_the_primary_host_says_online_in_the_session() throws Exception {
        Logger nodeLog = (Logger) LoggerFactory.getLogger(HostGate.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        nodeLog.addAppender(logged);
        try {
            startNode(config(8, "console-under-test"), now -> Map.of());
            Await.until(WAIT, "the node connected and waiting for the host", () -> logged.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("the births wait for primary host")));
            // A broker that lost its sessions would drop births the host has not subscribed for yet.
            assertTrue(subscriber.of(MessageType.NBIRTH).isEmpty(), "born before the host was online");
            assertFalse(node.isOnline());

            hostState(true);

            Await.until(WAIT, "the births once the host is online", () -> node.isOnline()
                    && subscriber.of(MessageType.NBIRTH).size() == 1);
        } finally {
            nodeLog.detachAppender(logged);
        }
    }

    @Test
    void a_rebirth_after_data_declares_the_record_id_once_and_not_as_null() throws Exception {
        startProjectorNodeWithHostOnline();
        List<Long> ids = List.of(appendAndWake(), appendAndWake());
        Await.until(WAIT, "the records delivered", () -> deliveredRecordIds().containsAll(ids));

        rebirth();

        Await.until(WAIT, "the rebirth's DBIRTH", () -> subscriber.of(MessageType.DBIRTH).size() >= 2);
        // The host drops a birth with a null Journal/RecordId as malformed, and with it the aliases it declares.
        Payload birth = subscriber.of(MessageType.DBIRTH).get(1).payload();
        List<Metric> recordIds = birth.metrics().stream().filter(m -> m.name().equals(Metrics.RECORD_ID)).toList();
        assertEquals(1, recordIds.size(), "one " + Metrics.RECORD_ID + " in " + birth.metrics());
        assertEquals(ids.get(1), recordIds.get(0).longValue());
    }

    @Test
    void the_journal_drains_while_the_host_flaps_offline_and_online_and_asks_for_rebirths() throws Exception {
        startProjectorNodeWithHostOnline();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(appendAndWake());
        }
        Await.until(WAIT, "the first records delivered", () -> deliveredRecordIds().containsAll(ids));
        // The broker restarts under the running node, as in the console kill loop.
        List<Long> delivered = new ArrayList<>(deliveredRecordIds());
        subscriber.close();
        broker.stop().await(30, TimeUnit.SECONDS);
        ids.add(appendAndWake());
        broker = new EmbeddedBroker(vertx, new BrokerConfig("127.0.0.1", port, dir.resolve("broker")));
        broker.start().await(30, TimeUnit.SECONDS);
        subscriber = new BrokerSubscriber(broker.uri(), "host-under-test");
        hostStateRetained();
        Await.until(WAIT, "online again", () -> node.isOnline());
        java.util.Random random = new java.util.Random(7);
        // Each console restart: STATE offline, STATE online, then a rebirth request, with data arriving all along.
        // The pauses spread these over the node's sessions, births and reads; they wait for nothing.
        for (int restart = 0; restart < 60; restart++) {
            hostState(false);
            ids.add(appendAndWake());
            Thread.sleep(random.nextInt(50));
            hostState(true);
            ids.add(appendAndWake());
            Thread.sleep(random.nextInt(30));
            rebirth();
            ids.add(appendAndWake());
            Thread.sleep(random.nextInt(100));
        }

        Await.until(WAIT, "journal emptied", () -> journal.size() == 0);
        try {
            Await.until(WAIT, "all " + ids.size() + " records delivered", () -> {
                delivered.addAll(deliveredRecordIds());
                return delivered.containsAll(ids);
            });
        } catch (AssertionError e) {
            List<Long> missing = new ArrayList<>(ids);
            missing.removeAll(delivered);
            throw new AssertionError(e.getMessage() + ": missing " + missing, e);
        }
    }

    /** A node with a projector and a primary host, at the agent's default window, once the host is online. */
    private void startProjectorNodeWithHostOnline() throws Exception {
        // Retained, as the console publishes it: the node's births wait for it in each session.
        hostStateRetained();
        startNode(config(8, "console-under-test"), now -> Map.of(Metrics.PROJECTOR_DEVICE,
                List.of(Metric.of(Metrics.POWER, MetricType.STRING, "on", now))));
        Await.until(WAIT, "online", () -> node.isOnline());
    }

    private void hostStateRetained() throws Exception {
        subscriber.publishRetained("spBv1.0/STATE/console-under-test",
                new HostState(true, System.currentTimeMillis()).encode());
    }

    private void hostState(boolean online) throws Exception {
        subscriber.publish("spBv1.0/STATE/console-under-test",
                new HostState(online, System.currentTimeMillis()).encode());
    }

    private void rebirth() throws Exception {
        long now = System.currentTimeMillis();
        subscriber.publish("spBv1.0/school-7/NCMD/box-42", PayloadCodec.encode(new Payload(now, null,
                List.of(Metric.of(Metrics.REBIRTH, MetricType.BOOLEAN, true, now)))));
    }

    /** One projector record, as the agent's supervisor appends it, and the node told of it. */
    private long appendAndWake() throws Exception {
        long now = System.currentTimeMillis();
        byte[] body = PayloadCodec.encode(new Payload(now, null,
                List.of(Metric.of(Metrics.POWER, MetricType.STRING, now % 2 == 0 ? "on" : "off", now))));
        long id = journal.append(new JournalEntry(RecordClass.HEALTH, Metrics.PROJECTOR_DEVICE, now, body))
                .await(10, TimeUnit.SECONDS);
        onContext(() -> {
            node.recordAppended();
            return Future.<Void>succeededFuture();
        }).await(10, TimeUnit.SECONDS);
        return id;
    }

    private UplinkConfig config(int maxInFlight) {
        return config(maxInFlight, "");
    }

    private UplinkConfig config(int maxInFlight, String primaryHostId) {
        return new UplinkConfig(broker.uri(), 10, 5, 50, 500, 5, maxInFlight, primaryHostId);
    }

    private void startNode(UplinkConfig config, DeviceBirths births) throws Exception {
        startNode(config, births, null);
    }

    private void startNode(UplinkConfig config, DeviceBirths births, Path meter) throws Exception {
        onContext(() -> {
            uplink = new MqttUplink(context, config, "box-42");
            node = new EdgeNode(vertx, new IdentityConfig("school-7", "box-42"), config,
                    org.classbox.agent.config.BandwidthConfig.defaults(), journal, uplink, births, meter);
            return node.start();
        }).await(20, TimeUnit.SECONDS);
    }

    private List<Long> append(int count, int streams) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long now = System.currentTimeMillis();
            byte[] body = PayloadCodec.encode(new Payload(now, null,
                    List.of(Metric.of("Value", MetricType.INT64, (long) i, now))));
            ids.add(journal.append(new JournalEntry(RecordClass.HEALTH, "device-" + (i % streams), now, body))
                    .await(10, TimeUnit.SECONDS));
        }
        return ids;
    }

    private List<Long> deliveredRecordIds() {
        return subscriber.of(MessageType.DDATA).stream().flatMap(r -> r.payload().metrics().stream())
                .filter(m -> m.name().equals(Metrics.RECORD_ID)).map(Metric::longValue).collect(Collectors.toList());
    }

    private <T> T onContextValue(Callable<T> work) {
        try {
            return onContext(() -> Future.succeededFuture(work.call())).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> Future<T> onContext(Callable<Future<T>> work) {
        return OnContext.run(context, work);
    }
}
