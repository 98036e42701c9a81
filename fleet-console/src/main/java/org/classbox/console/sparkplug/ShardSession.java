package org.classbox.console.sparkplug;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;
import org.classbox.console.config.MqttConfig;
import org.classbox.sparkplug.SparkplugTopic;
import org.classbox.tls.PahoSecurity;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent MQTT session of one shard of the fleet ({@code <hostId>-shard-<k>}, clean start off): whoever holds
 * the shard's lease connects it, and the broker hands it every message it queued for the shard, in order, whichever
 * instance held it before. Acknowledged by hand and in order once stored, like {@link HostApplication}. It never
 * reconnects by itself: the lease holder reconnects it at its next heartbeat, so an instance whose lease was taken
 * does not take the session back from the new holder. Callbacks are handed to {@code context}.
 */
public final class ShardSession {
    private static final Logger log = LoggerFactory.getLogger(ShardSession.class);

    private final Context context;
    private final MqttConfig config;
    private final String clientId;
    private final BiFunction<String, byte[], Future<Void>> messages;
    private final MqttAsyncClient client;
    private final InOrderAcks acks;
    private final PahoSecurity security;
    /** Groups to follow, and those subscribed on the current connection; read and written on the context. */
    private final Set<String> groups = new HashSet<>();
    private final Set<String> subscribed = new HashSet<>();
    private boolean connecting;
    private long connectStarted;
    /** When the session was last seen connected (or made). */
    private long seenConnected = System.nanoTime();
    private volatile IMqttToken connectToken;
    private volatile boolean closed;

    public ShardSession(Context context, MqttConfig config, String clientId,
                        BiFunction<String, byte[], Future<Void>> messages) {
        this.context = context;
        this.config = config;
        this.clientId = clientId;
        this.messages = messages;
        this.security = PahoSecurity.of(config.tls(), config.uri());
        try {
            this.client = new MqttAsyncClient(config.uri(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create an MQTT client for " + config.uri(), e);
        }
        this.acks = new InOrderAcks(client);
        client.setManualAcks(true);
        client.setCallback(new Callback());
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Connected now, or within the last {@code withinMillis}: worth holding its lease a while longer. */
    public boolean healthy(long withinMillis) {
        long now = System.nanoTime();
        if (client.isConnected()) {
            seenConnected = now;
        }
        return now - seenConnected <= withinMillis * 1_000_000;
    }

    /** Follows {@code wanted}'s groups too (subscribing now when connected); groups are never dropped. */
    public void follow(Collection<String> wanted) {
        groups.addAll(wanted);
        if (client.isConnected()) {
            subscribeMissing();
        }
    }

    /** Connects unless connected or connecting; fails when the broker cannot be reached (retry later). */
    public Future<Void> connect() {
        if (connecting && System.nanoTime() - connectStarted > HostApplication.CONNECT_WATCHDOG_MILLIS * 1_000_000) {
            abandonConnect();
            return Future.succeededFuture();
        }
        if (closed || connecting || client.isConnected()) {
            return Future.succeededFuture();
        }
        connecting = true;
        connectStarted = System.nanoTime();
        Promise<Void> done = Promise.promise();
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval((long) config.sessionExpirySeconds());
        options.setKeepAliveInterval(config.keepAliveSeconds());
        options.setAutomaticReconnect(false);
        options.setReceiveMaximum(config.receiveMaximum());
        options.setMaximumPacketSize((long) config.maxPacketBytes());
        security.applyTo(options);
        try {
            connectToken = client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    context.runOnContext(v -> {
                        connecting = false;
                        subscribed.clear();
                        subscribeMissing();
                        done.complete();
                    });
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    context.runOnContext(v -> {
                        connecting = false;
                        done.fail(new IllegalStateException(clientId + " cannot connect to " + config.uri() + ": "
                                + (cause == null ? "unknown reason" : cause.getMessage()), cause));
                    });
                }
            });
        } catch (MqttException e) {
            connecting = false;
            return Future.failedFuture(new IllegalStateException(clientId + " cannot connect to " + config.uri()
                    + ": " + e.getMessage(), e));
        }
        return done.future();
    }

    /**
     * Stops acknowledging and ends the connection, never the session: the broker keeps the shard's subscriptions and
     * queues its messages, unacknowledged ones included, for the next holder. {@code gracefully}: a normal DISCONNECT
     * (giving the shard back); otherwise the socket is just closed (the lease was lost: the broker already handed the
     * session to the new holder).
     */
    public Future<Void> close(boolean gracefully) {
        closed = true;
        acks.connectionLost();
        return context.owner().executeBlocking(() -> {
            try {
                IMqttToken connect = connectToken;
                if (connect != null && !connect.isComplete()) {
                    // Closing a client whose connect is under way leaves Paho 1.2.5's connect thread polling forever.
                    connect.waitForCompletion(Math.max(10_000, config.keepAliveSeconds() * 1000L));
                }
            } catch (MqttException e) {
                log.debug("{}: connect failed while closing: {}", clientId, e.getMessage());
            }
            try {
                if (gracefully && client.isConnected()) {
                    client.disconnect(5_000).waitForCompletion(5_000);
                } else {
                    client.disconnectForcibly(0, 1000, false);
                }
            } catch (MqttException e) {
                log.debug("closing {}: {}", clientId, e.getMessage());
            }
            PahoClosing.close(client);
            return null;
        });
    }

    /**
     * Paho 1.2.5 can leave a connect whose CONNACK never came pending forever (see {@link HostApplication}): past
     * the watchdog, the attempt is ended forcibly and the next heartbeat starts a new one.
     */
    private void abandonConnect() {
        log.warn("{}: no answer to CONNECT from {} for {} s; starting over", clientId, config.uri(),
                HostApplication.CONNECT_WATCHDOG_MILLIS / 1000);
        connectStarted = System.nanoTime();
        context.owner().executeBlocking(() -> {
            client.disconnectForcibly(0, 1000, false);
            return null;
        }).onComplete(done -> {
            // Still "connecting" until then, so no new attempt overlaps the forced end of this one.
            connecting = false;
            if (done.failed()) {
                log.debug("{}: {}", clientId, done.cause().getMessage());
            }
        });
    }

    private void subscribeMissing() {
        for (String group : groups) {
            if (subscribed.add(group)) {
                String filter = SparkplugTopic.NAMESPACE + "/" + group + "/#";
                try {
                    client.subscribe(filter, 1, null, new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            log.debug("{} follows {}", clientId, filter);
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable cause) {
                            log.warn("{} cannot subscribe to {}: {}", clientId, filter,
                                    cause == null ? "?" : cause.getMessage());
                            context.runOnContext(v -> subscribed.remove(group));
                        }
                    });
                } catch (MqttException e) {
                    subscribed.remove(group);
                    log.warn("{} cannot subscribe to {}: {}", clientId, filter, e.getMessage());
                }
            }
        }
    }

    private final class Callback extends StoringCallback {
        Callback() {
            super(context, acks, messages, clientId);
        }

        @Override
        void lost(MqttDisconnectResponse response) {
            if (!closed) {
                log.warn("{} lost the broker at {}: {}", clientId, config.uri(), response.getReasonString());
            }
        }
    }
}
