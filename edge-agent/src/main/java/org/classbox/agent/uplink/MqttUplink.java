package org.classbox.agent.uplink;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.classbox.agent.config.UplinkConfig;
import org.classbox.tls.PahoSecurity;
import org.classbox.tls.TlsConfig;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
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
 *
 * <p>A publish that Paho refuses because the broker's Receive Maximum is reached waits here and goes out as soon as
 * an earlier one is acknowledged, in the same session; a PUBACK with a failure reason code fails the publish, so
 * nothing the broker refused counts as delivered.
 *
 * <p>Each connect attempt runs on a Paho client of its own, and a watchdog fails an attempt that has not completed
 * within {@code uplink.connectTimeoutSeconds} plus {@link #WATCHDOG_MARGIN_MILLIS}: Paho 1.2.5 can leave a connect
 * token pending forever when the broker closes the socket during the handshake. The previous client is closed
 * forcibly on a worker, and a generation number keeps its late callbacks away from the new session.
 */
public final class MqttUplink {
    /** MQTT 5 reason code asking the broker to publish the will on a normal disconnect (Sparkplug NDEATH). */
    private static final int DISCONNECT_WITH_WILL = 0x04;
    private static final Logger log = LoggerFactory.getLogger(MqttUplink.class);
    /** MQTT 5's default when the CONNACK carries no Receive Maximum. */
    private static final int DEFAULT_RECEIVE_MAXIMUM = 65_535;
    /** Added to Paho's own connect timeout, which normally fires first, before the watchdog gives up on it. */
    static final long WATCHDOG_MARGIN_MILLIS = 2_000;

    private final Context context;
    private final UplinkConfig config;
    private final String clientId;
    private final PahoSecurity security;
    /** The client of the current connect attempt and the session it made; replaced on {@code context} only. */
    private volatile MqttAsyncClient client;
    /** Which client is current; a callback of an older client finds another number and is ignored. */
    private int generation;
    /** Whether {@link #client} has been asked to connect; a client is never asked twice after a failure. */
    private boolean clientUsed;
    private volatile Consumer<Throwable> connectionLost = cause -> { };
    private volatile BiConsumer<String, byte[]> messages = (topic, payload) -> { };
    /** Publishes waiting for an in-flight slot; used on {@code context} only. */
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private int receiveMaximum = DEFAULT_RECEIVE_MAXIMUM;

    private record Waiting(String topic, byte[] payload, int qos, boolean retained, Promise<Void> promise) {
    }

    public MqttUplink(Context context, UplinkConfig config, String clientId) {
        this(context, config, null, clientId);
    }

    /** With {@code tls} the connection is TLS (an {@code ssl://} broker URI) and logs in; null for plaintext. */
    public MqttUplink(Context context, UplinkConfig config, TlsConfig tls, String clientId) {
        this.context = context;
        this.config = config;
        this.clientId = clientId;
        this.security = PahoSecurity.of(tls, config.brokerUri());
        this.client = newClient(generation);
    }

    private MqttAsyncClient newClient(int clientGeneration) {
        try {
            MqttAsyncClient fresh = new MqttAsyncClient(config.brokerUri(), clientId, new MemoryPersistence());
            fresh.setCallback(new Callback(clientGeneration));
            return fresh;
        } catch (MqttException e) {
            throw new UplinkException("cannot create MQTT client for " + config.brokerUri(), e);
        }
    }

    /**
     * Puts a fresh client in place for the next attempt and closes the old one forcibly on a worker, so a connect
     * Paho left hanging cannot hold the uplink. Runs on {@code context}.
     */
    private void replaceClient() {
        MqttAsyncClient old = client;
        client = newClient(++generation);
        clientUsed = false;
        context.owner().executeBlocking(() -> {
            closeForcibly(old);
            return null;
        }).onFailure(e -> log.debug("closing the abandoned MQTT client for {}: {}", config.brokerUri(), e.getMessage()));
    }

    /** Closes {@code old} whatever its state: connected, connecting, disconnected or already closed. */
    private static void closeForcibly(MqttAsyncClient old) throws MqttException {
        List<Object> parts = StuckConnect.parts(old);
        try {
            try {
                old.close(true);
            } catch (MqttException connectedOrConnecting) {
                // Paho closes only a client that is not connected or connecting: drop the connection first.
                old.disconnectForcibly(0, 1000, false);
                old.close(true);
            }
        } finally {
            StuckConnect.release(parts);
        }
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

    /** The broker's Receive Maximum from the last CONNACK: how many QoS 1 publishes it accepts unacknowledged. */
    public int receiveMaximum() {
        return receiveMaximum;
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
        failWaiting("a new session starts");
        if (clientUsed && !client.isConnected()) {
            // The last attempt failed or its session ended: a fresh client, so nothing of it can linger.
            replaceClient();
        }
        clientUsed = true;
        int attempt = generation;
        long watchdogMillis = config.connectTimeoutSeconds() * 1000L + WATCHDOG_MARGIN_MILLIS;
        long watchdog = context.owner().setTimer(watchdogMillis, id -> {
            if (attempt == generation && !promise.future().isComplete()) {
                replaceClient();
                promise.tryFail(new UplinkException("connect to " + config.brokerUri() + " did not complete within "
                        + watchdogMillis + " ms; the MQTT client was closed", null));
            }
        });
        try {
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    Integer maximum = token.getResponseProperties() == null ? null
                            : token.getResponseProperties().getReceiveMaximum();
                    context.runOnContext(v -> {
                        if (attempt == generation) {
                            context.owner().cancelTimer(watchdog);
                            receiveMaximum = maximum == null ? DEFAULT_RECEIVE_MAXIMUM : maximum;
                            promise.tryComplete();
                        }
                    });
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    UplinkException failure = new UplinkException("connect failed on " + config.brokerUri() + ": "
                            + (cause == null ? "unknown reason" : cause.getMessage()), cause);
                    context.runOnContext(v -> {
                        context.owner().cancelTimer(watchdog);
                        promise.tryFail(failure);
                    });
                }
            });
        } catch (MqttException e) {
            context.owner().cancelTimer(watchdog);
            promise.fail(new UplinkException("cannot connect to " + config.brokerUri(), e));
        }
        return promise.future();
    }

    /**
     * Completes when the broker acknowledges the message (QoS 1) or when it is written (QoS 0). Call on
     * {@code context}. While the broker's Receive Maximum is reached the message waits for a free slot.
     */
    public Future<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        Promise<Void> promise = Promise.promise();
        Waiting message = new Waiting(topic, payload, qos, retained, promise);
        if (!waiting.isEmpty() || !send(message)) {
            waiting.addLast(message);
        }
        return promise.future();
    }

    /** Hands one publish to Paho; false when Paho has no in-flight slot for it now. */
    private boolean send(Waiting message) {
        try {
            client.publish(message.topic(), message.payload(), message.qos(), message.retained(), null,
                    publishListener(message.promise(), message.topic()));
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT && client.isConnected()) {
                return false;
            }
            message.promise().tryFail(new UplinkException("cannot publish to " + message.topic() + " on "
                    + config.brokerUri() + ": " + e.getMessage(), e));
            return true;
        }
    }

    /** A slot of the client of {@code clientGeneration} is free; what waits belongs to the current client only. */
    private void sendWaitingOf(int clientGeneration) {
        if (clientGeneration == generation) {
            sendWaiting();
        }
    }

    /** An acknowledgement freed a slot: send what waits, oldest first. Runs on {@code context}. */
    private void sendWaiting() {
        while (!waiting.isEmpty()) {
            if (!send(waiting.peekFirst())) {
                return;
            }
            waiting.removeFirst();
        }
    }

    private void failWaiting(String why) {
        while (!waiting.isEmpty()) {
            Waiting message = waiting.removeFirst();
            message.promise().tryFail(new UplinkException("publish to " + message.topic() + " on "
                    + config.brokerUri() + " not sent: " + why, null));
        }
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
        failWaiting("disconnecting");
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

    /**
     * Ends a session that is only half made (connected, but subscribing or the births failed) so the next attempt
     * starts clean: a normal disconnect that still has the broker publish the will (NDEATH), or, when that fails,
     * dropping the connection.
     */
    public Future<Void> abandon() {
        return disconnect(true).recover(e -> context.owner().executeBlocking(() -> {
            try {
                client.disconnectForcibly(0, 1000, false);
            } catch (MqttException ignored) {
                // The connection is gone either way.
            }
            return null;
        }));
    }

    /** Releases Paho's threads; the uplink cannot be used afterwards. */
    public Future<Void> close() {
        MqttAsyncClient last = client;
        return context.owner().executeBlocking(() -> {
            // Forcibly, also when an attempt is still connecting: Paho refuses to close a client that is.
            closeForcibly(last);
            return null;
        });
    }

    private MqttActionListener publishListener(Promise<Void> promise, String topic) {
        int sent = generation;
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int refused = refusal(token.getReasonCodes());
                context.runOnContext(v -> {
                    if (refused < 0) {
                        promise.tryComplete();
                    } else {
                        promise.tryFail(new UplinkException("broker " + config.brokerUri() + " refused the publish to "
                                + topic + " (PUBACK reason 0x" + Integer.toHexString(refused) + ")", null));
                    }
                    sendWaitingOf(sent);
                });
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                UplinkException failure = new UplinkException("publish to " + topic + " failed on "
                        + config.brokerUri() + ": " + (cause == null ? "unknown reason" : cause.getMessage()), cause);
                context.runOnContext(v -> {
                    promise.tryFail(failure);
                    sendWaitingOf(sent);
                });
            }
        };
    }

    /** The first failure reason code (0x80 and above) of a PUBACK, or -1 when the broker accepted the message. */
    private static int refusal(int[] reasonCodes) {
        if (reasonCodes != null) {
            for (int code : reasonCodes) {
                if (code >= 0x80) {
                    return code;
                }
            }
        }
        return -1;
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
        private final int clientGeneration;

        Callback(int clientGeneration) {
            this.clientGeneration = clientGeneration;
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            Throwable cause = response.getException() != null ? response.getException()
                    : new UplinkException("broker " + config.brokerUri() + " closed the session: "
                    + response.getReasonString() + " (reason " + response.getReturnCode() + ")", null);
            context.runOnContext(v -> {
                // A client already replaced has nothing left to lose: its attempt failed and was reported.
                if (clientGeneration == generation) {
                    failWaiting("the connection was lost");
                    connectionLost.accept(cause);
                }
            });
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
