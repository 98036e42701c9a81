package org.classbox.agent.uplink.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.classbox.testing.HandshakeBreaker;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Handshakes that break half way (the broker's address answers, then closes during CONNECT) must not leave the node
 * waiting forever on a connect Paho never completes: the connect watchdog gives up on the attempt, a fresh client
 * tries again, and the node comes online once a real broker answers at the same address.
 */
@ExtendWith(TestGuard.class)
class ConnectWatchdogTest {
    /** Three broken handshakes, each at worst a watchdog period (2 s connect timeout + margin), then one good. */
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final int BROKEN_HANDSHAKES = 3;

    @TempDir
    Path dir;
    private Vertx vertx;
    private EmbeddedBroker broker;
    private HandshakeBreaker breaker;
    private Journal journal;
    private EdgeNode node;
    private BrokerSubscriber subscriber;

    @BeforeEach
    void start_the_broker() throws Exception {
        vertx = Vertx.vertx();
        broker = new EmbeddedBroker(vertx, new BrokerConfig("127.0.0.1", FreePorts.tcp(), dir.resolve("broker")));
        await(broker.start());
        subscriber = new BrokerSubscriber(broker.uri(), "host-under-test");
        journal = new Journal(vertx, JournalConfig.defaults(dir.resolve("agent")));
        await(journal.start());
    }

    @AfterEach
    void stop_everything() throws Exception {
        if (node != null) {
            await(OnContext.run(vertx.getOrCreateContext(), node::stop));
        }
        if (breaker != null) {
            breaker.close();
        }
        await(journal.stop());
        subscriber.close();
        await(broker.stop());
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(HandshakeBreaker.Fault.class)
    void comes_online_once_the_broker_answers_after_broken_handshakes(HandshakeBreaker.Fault fault) throws Exception {
        breaker = new HandshakeBreaker(Integer.parseInt(broker.uri().replaceAll(".*:", "")), fault,
                BROKEN_HANDSHAKES);
        Context context = vertx.getOrCreateContext();
        UplinkConfig uplink = new UplinkConfig(breaker.uri(), 10, 2, 50, 200, 5, 4, "");
        node = new EdgeNode(vertx, new IdentityConfig("school-7", "box-42"), uplink, journal,
                new MqttUplink(context, uplink, "box-42"), now -> Map.of());
        await(OnContext.run(context, node::start));

        Await.until(WAIT, "the node online through the breaker", () -> node.isOnline());
        assertEquals(BROKEN_HANDSHAKES, breaker.broken());
        long now = System.currentTimeMillis();
        byte[] body = PayloadCodec.encode(new Payload(now, null,
                List.of(Metric.of(Metrics.POWER, MetricType.STRING, "on", now))));
        await(journal.append(new JournalEntry(RecordClass.HEALTH, "projector", now, body)));
        context.runOnContext(v -> node.recordAppended());
        Await.until(WAIT, "the record delivered", () -> !subscriber.of(MessageType.DDATA).isEmpty());
        // A late callback of an abandoned client would have ended this session and started another.
        assertEquals(1, subscriber.of(MessageType.NBIRTH).size(), "one session, one NBIRTH");
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(30, TimeUnit.SECONDS);
    }
}
