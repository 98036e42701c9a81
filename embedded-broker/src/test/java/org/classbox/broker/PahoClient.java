package org.classbox.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.classbox.testing.OnMessage;

/** A test-side MQTT v5 client that collects what it receives; blocking, for the test thread only. */
final class PahoClient implements AutoCloseable {
    private static final long WAIT_MILLIS = 10_000;

    /** One message as received. */
    record Received(String topic, String payload, int qos, boolean retained) {
    }

    private final MqttAsyncClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private PahoClient(MqttAsyncClient client) {
        this.client = client;
    }

    static PahoClient connect(String uri, String clientId) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        PahoClient wrapper = new PahoClient(client);
        client.setCallback(new OnMessage((topic, message) -> wrapper.received.add(new Received(topic,
                new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos(), message.isRetained()))));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        client.connect(options).waitForCompletion(WAIT_MILLIS);
        return wrapper;
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

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(WAIT_MILLIS);
            }
        } finally {
            client.close(true);
        }
    }

}
