package org.classbox.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.classbox.testing.OnMessage;
import org.classbox.tls.PahoSecurity;

/** A test-side MQTT v5 client that collects what it receives; blocking, for the test thread only. */
final class PahoClient implements AutoCloseable {
    private static final long WAIT_MILLIS = 10_000;

    /** One message as received. */
    record Received(String topic, String payload, int qos, boolean retained) {
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final MqttAsyncClient client;
    private final ScheduledExecutorService threads;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile boolean refused;

    private PahoClient(MqttAsyncClient client, ScheduledExecutorService threads) {
        this.client = client;
        this.threads = threads;
    }

    static PahoClient connect(String uri, String clientId) throws MqttException {
        return connect(uri, clientId, PahoSecurity.none());
    }

    /** Connects with TLS and a login as the agent and the console do; throws if the broker refuses. */
    static PahoClient connect(String uri, String clientId, PahoSecurity security) throws MqttException {
        // Paho 1.2.5 leaves its "MQTT Con" thread looping for ever when the broker drops a connection right after
        // the TLS handshake (eclipse-paho/paho.mqtt.java#850), as a broker refusing a TLS 1.3 client certificate
        // does. Daemon threads of our own keep that from outliving the test as a non-daemon leak.
        ScheduledExecutorService threads = Executors.newScheduledThreadPool(8, task -> {
            Thread thread = new Thread(task, "paho-test-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence(), null, threads);
        PahoClient wrapper = new PahoClient(client, threads);
        client.setCallback(new OnMessage((topic, message) -> wrapper.received.add(new Received(topic,
                new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos(), message.isRetained()))));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        security.applyTo(options);
        try {
            client.connect(options).waitForCompletion(WAIT_MILLIS);
        } catch (MqttException e) {
            wrapper.close();
            throw e;
        }
        return wrapper;
    }

    /**
     * Publishes at QoS 1 and waits until the broker answered one way or another (acknowledged, refused, or dropped
     * the connection); returns whether it was acknowledged without error.
     */
    boolean tryPublish(String topic, String payload) {
        try {
            IMqttToken token = client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
            token.waitForCompletion(WAIT_MILLIS);
            int[] reasons = token.getReasonCodes();
            // MQTT 5: a PUBACK reason code of 0x80 or more is a refusal (0x87: not authorised).
            refused = !client.isConnected() || (reasons != null && reasons.length > 0 && reasons[0] >= 0x80);
        } catch (MqttException e) {
            refused = true;
        }
        return !refused;
    }

    /** Whether the connection is up, as far as Paho knows. */
    boolean isConnected() {
        return client.isConnected();
    }

    /** Subscribes at QoS 1; the broker may refuse (a failure reason code) without this throwing. */
    void trySubscribe(String filter) {
        try {
            client.subscribe(filter, 1).waitForCompletion(WAIT_MILLIS);
        } catch (MqttException e) {
            // Refused subscriptions are what some tests want; they check what arrives instead.
        }
    }

    PahoClient subscribe(String topic, int qos) throws MqttException {
        client.subscribe(topic, qos).waitForCompletion(WAIT_MILLIS);
        return this;
    }

    void publish(String topic, String payload, int qos, boolean retained) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained).waitForCompletion(WAIT_MILLIS);
    }

    /** The next message, or null if none arrives within {@code timeout}. */
    Received next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Disconnects and releases the client's threads. After a refused publish the broker may be closing the connection
     * at this very moment (HiveMQ does), which makes Paho's DISCONNECT hang: then the socket is just dropped.
     */
    @Override
    public void close() throws MqttException {
        try {
            if (refused) {
                client.disconnectForcibly(0, 1, false);
            } else if (client.isConnected()) {
                client.disconnect().waitForCompletion(WAIT_MILLIS);
            }
        } catch (MqttException e) {
            // The connection is gone either way.
        } finally {
            try {
                client.close(true);
            } finally {
                threads.shutdownNow();
            }
        }
    }

}
