package org.classbox.agent.uplink;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.classbox.agent.config.UplinkConfig;
import org.classbox.tls.PahoSecurity;
import org.classbox.tls.TlsConfig;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's MQTT v5 session. Reconnecting is the caller's decision (a new will is needed for each Sparkplug session),
 * so Paho's automatic reconnect stays off. Every callback is handed to {@code context} before it runs.
 */
public final class MqttUplink {
    /** MQTT 5 reason code asking the broker to publish the will on a normal disconnect (Sparkplug NDEATH). */
    private static final int DISCONNECT_WITH_WILL = 0x04;
    private static final Logger log = LoggerFactory.getLogger(MqttUplink.class);

    private final Context context;
    private final UplinkConfig config;
    private final MqttAsyncClient client;
    private final PahoSecurity security;
    private volatile Consumer<Throwable> connectionLost = cause -> { };
    private volatile BiConsumer<String, byte[]> messages = (topic, payload) -> { };

    public MqttUplink(Context context, UplinkConfig config, String clientId) {
        this(context, config, null, clientId);
    }

    /** With {@code tls} the connection is TLS (an {@code ssl://} broker URI) and logs in; null for plaintext. */
    public MqttUplink(Context context, UplinkConfig config, TlsConfig tls, String clientId) {
        this.context = context;
        this.config = config;
        this.security = PahoSecurity.of(tls, config.brokerUri());
        try {
            this.client = new MqttAsyncClient(config.brokerUri(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new UplinkException("cannot create MQTT client for " + config.brokerUri(), e);
        }
        client.setCallback(new Callback());
    }

    public void onConnectionLost(Consumer<Throwable> handler) {
        this.connectionLost = handler;
    }

    public void onMessage(BiConsumer<String, byte[]> handler) {
        this.messages = handler;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Connects with a will (retained false, QoS 1) that the broker publishes if this session dies. */
    public Future<Void> connect(String willTopic, byte[] willPayload) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        // Sparkplug B 3.0 asks edge nodes for a clean start with session expiry 0: everything unacknowledged is
        // still in the journal and is sent again after the new birth.
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(config.keepAliveSeconds());
        options.setConnectionTimeout(config.connectTimeoutSeconds());
        options.setWill(willTopic, new MqttMessage(willPayload, 1, false, null));
        security.applyTo(options);
        Promise<Void> promise = Promise.promise();
        try {
            client.connect(options, null, listener(promise, "connect"));
        } catch (MqttException e) {
            promise.fail(new UplinkException("cannot connect to " + config.brokerUri(), e));
        }
        return promise.future();
    }

    /** Completes when the broker acknowledges the message (QoS 1) or when it is written (QoS 0). */
    public Future<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        Promise<Void> promise = Promise.promise();
        try {
            client.publish(topic, payload, qos, retained, null, listener(promise, "publish to " + topic));
        } catch (MqttException e) {
            promise.fail(new UplinkException("cannot publish to " + topic + " on " + config.brokerUri(), e));
        }
        return promise.future();
    }

    public Future<Void> subscribe(String filter, int qos) {
        Promise<Void> promise = Promise.promise();
        try {
            client.subscribe(filter, qos, null, listener(promise, "subscribe to " + filter));
        } catch (MqttException e) {
            promise.fail(new UplinkException("cannot subscribe to " + filter + " on " + config.brokerUri(), e));
        }
        return promise.future();
    }

    /**
     * Ends the session. With {@code publishWill} the broker still publishes the will (the NDEATH), which is what a
     * Sparkplug edge node owes the host when it shuts down on purpose.
     */
    public Future<Void> disconnect(boolean publishWill) {
        if (!client.isConnected()) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        try {
            client.disconnect(5_000, null, listener(promise, "disconnect"), publishWill ? DISCONNECT_WITH_WILL : 0,
                    new MqttProperties());
        } catch (MqttException e) {
            promise.fail(new UplinkException("cannot disconnect from " + config.brokerUri(), e));
        }
        return promise.future();
    }

    /** Releases Paho's threads; the uplink cannot be used afterwards. */
    public Future<Void> close() {
        return context.owner().executeBlocking(() -> {
            try {
                if (client.isConnected()) {
                    client.disconnectForcibly(0, 1000, false);
                }
            } catch (MqttException ignored) {
                // Closing anyway: the connection is gone either way.
            }
            client.close(true);
            return null;
        });
    }

    private MqttActionListener listener(Promise<Void> promise, String what) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                context.runOnContext(v -> promise.tryComplete());
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                UplinkException failure = new UplinkException(what + " failed on " + config.brokerUri() + ": "
                        + (cause == null ? "unknown reason" : cause.getMessage()), cause);
                context.runOnContext(v -> promise.tryFail(failure));
            }
        };
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            Throwable cause = response.getException() != null ? response.getException()
                    : new UplinkException("broker " + config.brokerUri() + " closed the session: "
                    + response.getReasonString() + " (reason " + response.getReturnCode() + ")", null);
            context.runOnContext(v -> connectionLost.accept(cause));
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("MQTT error on {}: {}", config.brokerUri(), exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            context.runOnContext(v -> messages.accept(topic, payload));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Completion is reported through each publish's own listener.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // Connect completion is reported through the connect listener.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication in use.
        }
    }
}
