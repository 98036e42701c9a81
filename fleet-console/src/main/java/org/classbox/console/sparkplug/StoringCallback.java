package org.classbox.console.sparkplug;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.function.BiFunction;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Paho callback of a console session that stores what it receives: each message is handed to the console's
 * context and acknowledged, in arrival order, once the handler's future completed. A lost connection forgets what
 * waited for acknowledgement (the broker sends it again). Sessions add what they do on connect and disconnect.
 */
abstract class StoringCallback implements MqttCallback {
    private static final Logger log = LoggerFactory.getLogger(StoringCallback.class);

    private final Context context;
    private final InOrderAcks acks;
    private final BiFunction<String, byte[], Future<Void>> messages;
    private final String session;

    StoringCallback(Context context, InOrderAcks acks, BiFunction<String, byte[], Future<Void>> messages,
                    String session) {
        this.context = context;
        this.acks = acks;
        this.messages = messages;
        this.session = session;
    }

    /** Called after the acknowledgements waiting on the lost connection were dropped. */
    abstract void lost(MqttDisconnectResponse response);

    @Override
    public final void disconnected(MqttDisconnectResponse response) {
        acks.connectionLost();
        lost(response);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        log.warn("MQTT error on {}: {}", session, exception.getMessage());
    }

    @Override
    public final void messageArrived(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        InOrderAcks.Pending pending = acks.arrived(message.getId(), message.getQos());
        context.runOnContext(v -> messages.apply(topic, payload).onSuccess(done -> acks.done(pending)));
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
}
