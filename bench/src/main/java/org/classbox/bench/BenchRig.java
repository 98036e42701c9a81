package org.classbox.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.classbox.agent.config.IdentityConfig;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.config.UplinkConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.uplink.MqttUplink;
import org.classbox.agent.uplink.sparkplug.EdgeNode;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.sim.link.LinkProfile;
import org.classbox.sim.link.LinkSimulator;
import org.classbox.sparkplug.AliasBook;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.SparkplugTopic;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The agent's real path for benchmarks: a journal, an edge node and its Paho uplink on one Vert.x context, reaching
 * an embedded broker through the link simulator; a subscriber at the broker counts the records that arrive.
 */
final class BenchRig implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final Path dir;
    final EmbeddedBroker broker;
    final LinkSimulator link;
    final Journal journal;
    final AtomicLong recordsReceived = new AtomicLong();
    final AtomicLong payloadBytesReceived = new AtomicLong();
    private final MqttClient subscriber;
    /** Reads aliases from the births and inflates compressed batches, as the console does. */
    private final AliasBook aliases = new AliasBook();
    private final Context context;
    private EdgeNode node;

    BenchRig(LinkProfile profile) throws Exception {
        dir = Files.createTempDirectory("classbox-bench");
        int brokerPort = freePort();
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(brokerPort, dir.resolve("broker")));
        broker.start().await(60, TimeUnit.SECONDS);
        link = new LinkSimulator(vertx, profile, 0, "127.0.0.1", brokerPort);
        link.start().await(10, TimeUnit.SECONDS);
        journal = new Journal(vertx, JournalConfig.defaults(dir.resolve("journal")).withBudgetMegabytes(4096));
        journal.start().await(30, TimeUnit.SECONDS);
        context = vertx.getOrCreateContext();
        subscriber = subscriber(broker.uri(), "spBv1.0/#", this::countRecords);
    }

    /** Starts the edge node; it connects through the link and begins draining. */
    void startNode(int batchSize, int maxInFlight) throws Exception {
        UplinkConfig uplink = new UplinkConfig("tcp://127.0.0.1:" + link.port(), 60, 30, 200, 2000, batchSize,
                maxInFlight, "");
        onContext(() -> {
            node = new EdgeNode(vertx, new IdentityConfig("bench", "box-bench"), uplink, journal,
                    new MqttUplink(context, uplink, "box-bench"), now -> Map.of(Metrics.PROJECTOR_DEVICE, List.of()));
            return node.start();
        }).await(30, TimeUnit.SECONDS);
    }

    void recordAppended() {
        context.runOnContext(v -> node.recordAppended());
    }

    <T> Future<T> onContext(Supplier<Future<T>> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> work.get().onComplete(promise));
        return promise.future();
    }

    /** Counts records, not messages: each record in a DDATA starts with its {@code Journal/RecordId}. */
    private void countRecords(String topicName, byte[] payload) {
        SparkplugTopic topic = SparkplugTopic.parse(topicName);
        if (topic.type() == MessageType.STATE) {
            return;
        }
        var decoded = aliases.decode(topic, payload);
        if (topic.type() == MessageType.DDATA) {
            payloadBytesReceived.addAndGet(payload.length);
            recordsReceived.addAndGet(decoded.metrics().stream()
                    .filter(m -> m.name().equals(Metrics.RECORD_ID)).count());
        }
    }

    static MqttClient subscriber(String uri, String filter, java.util.function.BiConsumer<String, byte[]> sink)
            throws MqttException {
        MqttClient client = new MqttClient(uri, "bench-sub-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                sink.accept(topic, message.getPayload());
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        client.connect(new MqttConnectionOptions());
        client.subscribe(filter, 1);
        return client;
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        if (node != null) {
            onContext(node::stop).await(30, TimeUnit.SECONDS);
        }
        subscriber.disconnect();
        subscriber.close(true);
        journal.stop().await(30, TimeUnit.SECONDS);
        link.stop().await(10, TimeUnit.SECONDS);
        broker.stop().await(60, TimeUnit.SECONDS);
        vertx.close().await(30, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }
}
