package org.classbox.console.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.function.Consumer;
import org.classbox.console.config.MqttConfig;
import org.classbox.console.sparkplug.PahoClosing;
import org.classbox.sparkplug.HostState;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugException;
import org.classbox.sparkplug.SparkplugTopic;
import org.classbox.tls.PahoSecurity;
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
 * One instance's own MQTT session ({@code <hostId>-host-<instance>}, clean): it carries the instance's share of the
 * cluster's STATE and its commands. Every instance's will is STATE offline; every live instance watches STATE and
 * answers an offline (a dead instance's will) with online and a newer timestamp, so the boxes pause only for the
 * moment between. While the instance holds shard 0 it also watches every NBIRTH to find groups nobody follows yet.
 * The holder reconnects it at each heartbeat; callbacks are handed to {@code context}.
 */
final class ClusterControl {
    private static final Logger log = LoggerFactory.getLogger(ClusterControl.class);
    private static final String DISCOVERY = SparkplugTopic.NAMESPACE + "/+/" + MessageType.NBIRTH + "/+";
    /** MQTT 5 DISCONNECT reason 0x04: the broker publishes the will, so STATE says offline if no instance is left. */
    private static final int DISCONNECT_WITH_WILL = 0x04;

    private final Context context;
    private final MqttConfig config;
    private final Consumer<String> groupSeen;
    private final MqttAsyncClient client;
    private final PahoSecurity security;
    private final String stateTopic;
    private final long started = System.currentTimeMillis();
    private boolean connecting;
    private boolean discovering;
    private volatile boolean stopping;

    ClusterControl(Context context, MqttConfig config, String instanceId, Consumer<String> groupSeen) {
        this.context = context;
        this.config = config;
        this.groupSeen = groupSeen;
        this.stateTopic = SparkplugTopic.state(config.hostId()).toString();
        this.security = PahoSecurity.of(config.tls(), config.uri());
        try {
            client = new MqttAsyncClient(config.uri(), config.hostId() + "-host-" + instanceId,
                    new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create an MQTT client for " + config.uri(), e);
        }
        client.setCallback(new Callback());
    }

    /** Connects unless connected or connecting; fails when the broker cannot be reached. */
    Future<Void> connect() {
        if (stopping || connecting || client.isConnected()) {
            return Future.succeededFuture();
        }
        connecting = true;
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setKeepAliveInterval(config.keepAliveSeconds());
        options.setAutomaticReconnect(false);
        options.setWill(stateTopic, new MqttMessage(new HostState(false, started).encode(), 1, true, null));
        security.applyTo(options);
        Promise<Void> done = Promise.promise();
        try {
            client.connect(options, null, listener(done, "connect to " + config.uri()));
        } catch (MqttException e) {
            done.fail(e);
        }
        return done.future().onComplete(r -> connecting = false).compose(v -> {
            subscribe(stateTopic);
            if (discovering) {
                subscribe(DISCOVERY);
            }
            return publish(stateTopic, new HostState(true, started).encode(), true);
        });
    }

    boolean isConnected() {
        return client.isConnected();
    }

    /** Watches births for new groups while {@code on} (this instance holds shard 0). */
    void discover(boolean on) {
        if (on == discovering) {
            return;
        }
        discovering = on;
        if (!client.isConnected()) {
            return; // Subscribed at the next connect.
        }
        try {
            if (on) {
                subscribe(DISCOVERY);
            } else {
                client.unsubscribe(DISCOVERY);
            }
        } catch (MqttException e) {
            log.warn("cannot unsubscribe from {}: {}", DISCOVERY, e.getMessage());
        }
    }

    /** Publishes QoS 1; completes on the context once the broker acknowledged it. */
    Future<Void> publish(String topic, byte[] payload, boolean retained) {
        Promise<Void> done = Promise.promise();
        try {
            client.publish(topic, payload, 1, retained, null, listener(done, "publish to " + topic));
        } catch (MqttException e) {
            done.fail(new IllegalStateException("cannot publish to " + topic + ": " + e.getMessage(), e));
        }
        return done.future();
    }

    /** Asks a box to publish its births again (Sparkplug NCMD {@code Node Control/Rebirth}). */
    void requestRebirth(String groupId, String boxId) {
        long now = System.currentTimeMillis();
        byte[] payload = PayloadCodec.encode(new Payload(now, null,
                List.of(Metric.of(Metrics.REBIRTH, MetricType.BOOLEAN, true, now))));
        publish(SparkplugTopic.node(groupId, MessageType.NCMD, boxId).toString(), payload, false)
                .onSuccess(v -> log.info("asked box {}/{} for a rebirth", groupId, boxId))
                .onFailure(e -> log.warn("cannot ask {}/{} for a rebirth: {}", groupId, boxId, e.getMessage()));
    }

    /** Leaves with the will: STATE reads offline until another live instance answers it. */
    Future<Void> stop() {
        stopping = true;
        return context.owner().executeBlocking(() -> {
            try {
                if (client.isConnected()) {
                    client.disconnect(5_000, null, null, DISCONNECT_WITH_WILL, new MqttProperties())
                            .waitForCompletion(5_000);
                }
            } catch (MqttException e) {
                log.debug("closing the control session: {}", e.getMessage());
            }
            PahoClosing.close(client);
            return null;
        });
    }

    private void subscribe(String filter) {
        try {
            client.subscribe(filter, 1);
        } catch (MqttException e) {
            log.warn("cannot subscribe to {}: {}", filter, e.getMessage());
        }
    }

    private MqttActionListener listener(Promise<Void> done, String what) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                context.runOnContext(v -> done.tryComplete());
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                context.runOnContext(v -> done.tryFail(new IllegalStateException("cannot " + what + ": "
                        + (cause == null ? "unknown reason" : cause.getMessage()), cause)));
            }
        };
    }

    private void arrived(String topic, byte[] payload) {
        if (topic.equals(stateTopic)) {
            HostState state;
            try {
                state = HostState.decode(payload);
            } catch (SparkplugException e) {
                log.warn("unreadable STATE on {}: {}", topic, e.getMessage());
                return;
            }
            if (!state.online() && !stopping) {
                // Sparkplug 3.0: the newest timestamp wins.
                long timestamp = Math.max(System.currentTimeMillis(), state.timestamp() + 1);
                log.info("STATE read offline (an instance left); publishing online again");
                publish(stateTopic, new HostState(true, timestamp).encode(), true)
                        .onFailure(e -> log.warn("cannot publish STATE online: {}", e.getMessage()));
            }
            return;
        }
        try {
            groupSeen.accept(SparkplugTopic.parse(topic).groupId());
        } catch (SparkplugException e) {
            log.debug("ignored a birth on {}: {}", topic, e.getMessage());
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!stopping) {
                log.warn("control session lost the broker at {}: {}", config.uri(), response.getReasonString());
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("MQTT error on the control session: {}", exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            context.runOnContext(v -> arrived(topic, payload));
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
}
