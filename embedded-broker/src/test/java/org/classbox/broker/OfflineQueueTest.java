package org.classbox.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.OnMessage;
import org.classbox.testing.TestGuard;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What waits at the broker for a persistent session that is away, across a broker restart. */
@ExtendWith(TestGuard.class)
class OfflineQueueTest {
    /** More than HiveMQ's default queue of 1,000, which would drop the rest. */
    private static final int MESSAGES = 1_100;

    @TempDir
    Path dataDir;

    @Test
    void an_offline_session_keeps_more_than_the_default_queue_across_a_broker_restart() throws Exception {
        Vertx vertx = Vertx.vertx();
        EmbeddedBroker broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dataDir));
        broker.start().await(30, TimeUnit.SECONDS);
        Set<String> received = ConcurrentHashMap.newKeySet();
        MqttAsyncClient console = new MqttAsyncClient(broker.uri(), "console", new MemoryPersistence());
        console.setCallback(new OnMessage((topic, message) -> received.add(new String(message.getPayload()))));
        console.connect(persistent()).waitForCompletion(10_000);
        console.subscribe("fleet/#", 1).waitForCompletion(10_000);
        console.disconnect().waitForCompletion(10_000);

        MqttAsyncClient box = new MqttAsyncClient(broker.uri(), "box", new MemoryPersistence());
        box.connect().waitForCompletion(10_000);
        for (int i = 0; i < MESSAGES; i++) {
            byte[] payload = ("m" + i).getBytes();
            // Paho 1.2.5 frees an in-flight slot only after the token completes, so a publish right after may be
            // refused for a moment ("Too many publishes in progress"): try again until there is room.
            Await.until(Duration.ofSeconds(10), "room to publish", () -> {
                try {
                    box.publish("fleet/box/data", payload, 1, false).waitForCompletion(10_000);
                    return true;
                } catch (MqttException e) {
                    if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                        return false;
                    }
                    throw new IllegalStateException(e);
                }
            });
        }
        box.disconnect().waitForCompletion(10_000);
        box.close();

        broker.stop().await(30, TimeUnit.SECONDS);
        broker.start().await(30, TimeUnit.SECONDS);

        console.connect(persistent()).waitForCompletion(10_000);
        Await.until(Duration.ofSeconds(30), "all " + MESSAGES + " queued messages", () -> received.size() == MESSAGES);
        console.disconnect().waitForCompletion(10_000);
        console.close();
        broker.stop().await(30, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        assertEquals(MESSAGES, received.size());
    }

    private static MqttConnectionOptions persistent() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        return options;
    }
}
