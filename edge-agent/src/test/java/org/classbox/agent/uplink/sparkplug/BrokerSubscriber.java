package org.classbox.agent.uplink.sparkplug;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.classbox.sparkplug.AliasBook;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.SparkplugTopic;
import org.classbox.testing.OnMessage;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/** A plain Paho client on the broker that records every Sparkplug message, standing in for a host application. */
final class BrokerSubscriber implements AutoCloseable {
    record Received(SparkplugTopic topic, Payload payload) {
    }

    private final MqttClient client;
    private final CopyOnWriteArrayList<Received> received = new CopyOnWriteArrayList<>();
    private final AliasBook aliases = new AliasBook();

    /**
     * A subscriber with a persistent session: messages published while it is away (even across a broker restart,
     * the broker keeps sessions on disk) are delivered when the same {@code clientId} comes back.
     */
    BrokerSubscriber(String uri, String clientId) throws MqttException {
        client = new MqttClient(uri, clientId, new MemoryPersistence());
        client.setCallback(new OnMessage((topic, message) -> {
            SparkplugTopic parsed = SparkplugTopic.parse(topic);
            if (parsed.type() != MessageType.STATE) {
                received.add(new Received(parsed, aliases.decode(parsed, message.getPayload())));
            }
        }));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(false);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(300L);
        client.connect(options);
        client.subscribe("spBv1.0/#", 1);
    }

    List<Received> of(MessageType type) {
        return received.stream().filter(r -> r.topic().type() == type).collect(Collectors.toList());
    }

    void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    /** Retained, as a host publishes its STATE: a node that subscribes later still gets it. */
    void publishRetained(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, true);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close(true);
    }
}
