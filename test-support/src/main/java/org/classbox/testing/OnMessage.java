package org.classbox.testing;

import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A Paho v5 callback for test and benchmark clients that only care about arriving messages. (Paho 1.2.5's
 * {@code MqttClient.subscribe(topic, qos, listener)} recurses forever, so clients subscribe plainly and use this.)
 */
public final class OnMessage implements MqttCallback {
    private final BiConsumer<String, MqttMessage> sink;

    public OnMessage(BiConsumer<String, MqttMessage> sink) {
        this.sink = sink;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        sink.accept(topic, message);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        // Tests notice missing messages; nothing to do here.
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        // As above.
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Publishers wait on their tokens.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // Connections are awaited by the caller.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication.
    }
}
