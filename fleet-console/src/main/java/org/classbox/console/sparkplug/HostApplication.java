package org.classbox.console.sparkplug;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.function.BiFunction;
import org.classbox.console.config.MqttConfig;
import org.classbox.sparkplug.HostState;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugTopic;
import org.classbox.tls.PahoSecurity;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's MQTT session as a Sparkplug primary host: persistent session, STATE offline as its will, STATE
 * online (retained) after every (re)connect and subscription. Paho reconnects by itself; every callback is handed to
 * {@code context} before it touches anything. Messages are acknowledged by hand, in the order they arrived, only
 * once the handler's future completed (the store committed them): a console that dies before gets them again from
 * its session at the broker. The Receive Maximum sent at connect bounds how many wait unacknowledged.
 */
public final class HostApplication {
    private static final Logger log = LoggerFactory.getLogger(HostApplication.class);

    private final Context context;
    private final MqttConfig config;
    private final BiFunction<String, byte[], Future<Void>> messages;
    private final InOrderAcks acks;
    private final MqttAsyncClient client;
    private final PahoSecurity security;
    private final long stateTimestamp = System.currentTimeMillis();
    private final String stateTopic;
    private volatile boolean stopping;
    private long retryTimer = -1;
    /**
     * Paho's connect timeout (its default, 30 s) plus a margin. Paho 1.2.5 never times out a missing CONNACK and can
     * leave a connect the broker broke pending forever, and its automatic reconnect then waits forever too; a client
     * not connected at a check is disconnected forcibly and reconnected.
     */
    static final long CONNECT_WATCHDOG_MILLIS = 45_000;
    private final long watchdogMillis;
    private long watchdogTimer = -1;
    /** Completes at the first connect, whether the first attempt or one of Paho's reconnects made it. */
    private final Promise<Void> first = Promise.promise();

    /** {@code messages} gets every message on the context; its future completing means it may be acknowledged. */
    public HostApplication(Context context, MqttConfig config, BiFunction<String, byte[], Future<Void>> messages) {
        this(context, config, messages, CONNECT_WATCHDOG_MILLIS);
    }

    /** With the connect watchdog checking every {@code watchdogMillis} (tests shorten it). */
    HostApplication(Context context, MqttConfig config, BiFunction<String, byte[], Future<Void>> messages,
                    long watchdogMillis) {
        this.context = context;
        this.watchdogMillis = watchdogMillis;
        this.config = config;
        this.messages = messages;
        this.stateTopic = SparkplugTopic.state(config.hostId()).toString();
        this.security = PahoSecurity.of(config.tls(), config.uri());
        try {
            this.client = new MqttAsyncClient(config.uri(), config.hostId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create an MQTT client for " + config.uri(), e);
        }
        this.acks = new InOrderAcks(client);
        client.setManualAcks(true);
        client.setCallback(new Callback());
    }

    /** Completes once connected for the first time; later outages are handled by Paho's reconnect. */
    public Future<Void> start() {
        connect(first);
        watchdogTimer = context.owner().setPeriodic(watchdogMillis, id -> checkConnected());
        return first.future();
    }

    /** Not connected now: end whatever attempt Paho may be stuck in and start a new one. Runs on the context. */
    private void checkConnected() {
        if (stopping || client.isConnected()) {
            return;
        }
        context.owner().executeBlocking(() -> {
            try {
                client.disconnectForcibly(0, 1000, false);
            } catch (MqttException ignored) {
                // Not connected anyway.
            }
            client.reconnect();
            return null;
        }).onFailure(e -> log.debug("connect watchdog for {}: {}", config.uri(), e.getMessage()));
    }

    public Future<Void> stop() {
        stopping = true;
        for (long timer : new long[] {retryTimer, watchdogTimer}) {
            if (timer >= 0) {
                context.owner().cancelTimer(timer);
            }
        }
        return context.owner().executeBlocking(() -> {
            try {
                if (client.isConnected()) {
                    // A clean goodbye: STATE offline first, since a normal DISCONNECT does not publish the will.
                    client.publish(stateTopic, new HostState(false, stateTimestamp).encode(), 1, true)
                            .waitForCompletion(5_000);
                    client.disconnect(5_000).waitForCompletion(5_000);
                }
            } catch (MqttException e) {
                log.warn("closing the MQTT session with {}: {}", config.uri(), e.getMessage());
            }
            PahoClosing.close(client);
            return null;
        });
    }

    /** Asks a box to publish its births again (Sparkplug NCMD {@code Node Control/Rebirth}). */
    public void requestRebirth(String groupId, String boxId) {
        long now = System.currentTimeMillis();
        byte[] payload = PayloadCodec.encode(new Payload(now, null,
                List.of(Metric.of(Metrics.REBIRTH, MetricType.BOOLEAN, true, now))));
        String topic = SparkplugTopic.node(groupId, MessageType.NCMD, boxId).toString();
        try {
            client.publish(topic, payload, 1, false);
            log.info("asked box {}/{} for a rebirth", groupId, boxId);
        } catch (MqttException e) {
            log.warn("cannot ask {} for a rebirth: {}", boxId, e.getMessage());
        }
    }

    /**
     * Publishes {@code payload} retained with QoS 1 (a box's schedule); completes on the context once the broker
     * acknowledged it, fails when the console is not connected or the broker refused it.
     */
    public Future<Void> publishRetained(String topic, byte[] payload) {
        return publish(topic, payload, true);
    }

    /**
     * Publishes {@code payload} with QoS 1, not retained (a command to a box); completes on the context once the
     * broker acknowledged it, fails when the console is not connected or the broker refused it.
     */
    public Future<Void> publish(String topic, byte[] payload) {
        return publish(topic, payload, false);
    }

    private Future<Void> publish(String topic, byte[] payload, boolean retained) {
        Promise<Void> promise = Promise.promise();
        try {
            client.publish(topic, payload, 1, retained, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    boolean refused = codes != null && codes.length > 0 && codes[0] >= 0x80;
                    context.runOnContext(v -> {
                        if (refused) {
                            promise.tryFail(new IllegalStateException("the broker refused the publish to " + topic
                                    + " (reason 0x" + Integer.toHexString(codes[0]) + ")"));
                        } else {
                            promise.tryComplete();
                        }
                    });
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    context.runOnContext(v -> promise.tryFail(new IllegalStateException("publish to " + topic
                            + " failed: " + (cause == null ? "unknown reason" : cause.getMessage()), cause)));
                }
            });
        } catch (MqttException e) {
            promise.fail(new IllegalStateException("cannot publish to " + topic + ": " + e.getMessage(), e));
        }
        return promise.future();
    }

    /** Every connect option in one place. */
    private MqttConnectionOptions connectOptions() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval((long) config.sessionExpirySeconds());
        options.setKeepAliveInterval(config.keepAliveSeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setReceiveMaximum(config.receiveMaximum());
        // The broker drops larger messages for this client instead of sending them (MQTT 5, Maximum Packet Size).
        options.setMaximumPacketSize((long) config.maxPacketBytes());
        options.setWill(stateTopic, new MqttMessage(new HostState(false, stateTimestamp).encode(), 1, true, null));
        security.applyTo(options);
        return options;
    }

    private void connect(Promise<Void> first) {
        MqttConnectionOptions options = connectOptions();
        try {
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    context.runOnContext(v -> first.tryComplete());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    context.runOnContext(v -> retry(first, cause));
                }
            });
        } catch (MqttException e) {
            context.runOnContext(v -> retry(first, e));
        }
    }

    private void retry(Promise<Void> first, Throwable cause) {
        if (stopping) {
            first.tryFail(cause);
            return;
        }
        if (client.isConnected()) {
            // The watchdog's reconnect made it while this attempt was failing.
            first.tryComplete();
            return;
        }
        log.warn("cannot reach the broker at {}: {}; retrying in 2 s", config.uri(), cause.getMessage());
        retryTimer = context.owner().setTimer(2_000, id -> {
            retryTimer = -1;
            connect(first);
        });
    }

    private void announce() {
        String filter = SparkplugTopic.NAMESPACE + "/" + config.groupFilter() + "/#";
        try {
            client.subscribe(filter, 1, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    try {
                        client.publish(stateTopic, new HostState(true, stateTimestamp).encode(), 1, true);
                        log.info("primary host {} online at {}, following {}", config.hostId(), config.uri(), filter);
                    } catch (MqttException e) {
                        log.warn("cannot publish STATE online: {}", e.getMessage());
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    log.warn("cannot subscribe to {}: {}", filter, cause == null ? "?" : cause.getMessage());
                }
            });
        } catch (MqttException e) {
            log.warn("cannot subscribe to {}: {}", filter, e.getMessage());
        }
    }

    private final class Callback extends StoringCallback {
        Callback() {
            super(context, acks, messages, config.uri());
        }

        @Override
        void lost(MqttDisconnectResponse response) {
            if (!stopping) {
                log.warn("lost the broker at {}: {}", config.uri(), response.getReasonString());
            }
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // Paho's thread; subscribing and publishing are non-blocking calls.
            announce();
            context.runOnContext(v -> first.tryComplete());
        }
    }
}
