package org.classbox.sim.fleet;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One MQTT 3.1.1 session of a simulated box over vertx-mqtt (clean session, the NDEATH as its will): QoS 1 publishes
 * that complete on the broker's PUBACK, incoming messages, and two ways to end: {@link #close()} sends DISCONNECT
 * (the broker drops the will), {@link #abort()} cuts the TCP connection as a power cut or a lost link does (the
 * broker publishes the will). Call it on the box's context only.
 */
final class Connection {
    /** vertx-mqtt has no way to drop a connection without DISCONNECT; its socket field is the only handle on it. */
    private static final Field SOCKET;

    static {
        try {
            SOCKET = Class.forName("io.vertx.mqtt.impl.MqttClientImpl").getDeclaredField("connection");
            SOCKET.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("vertx-mqtt changed: no MqttClientImpl.connection field: " + e);
        }
    }

    private final MqttClient client;
    private final Map<Integer, Promise<Void>> awaitingAck = new HashMap<>();
    private Runnable onClose = () -> { };
    private boolean closed;

    Connection(Vertx vertx, String clientId, String willTopic, byte[] will) {
        MqttClientOptions options = new MqttClientOptions().setClientId(clientId).setCleanSession(true)
                .setKeepAliveInterval(60).setWillFlag(true).setWillTopic(willTopic).setWillQoS(1)
                .setWillMessageBytes(Buffer.buffer(will)).setMaxInflightQueue(1_000).setAckTimeout(-1)
                .setMaxMessageSize(-1);
        options.setConnectTimeout(30_000);
        client = MqttClient.create(vertx, options);
        client.publishCompletionHandler(id -> {
            Promise<Void> acked = awaitingAck.remove(id);
            if (acked != null) {
                acked.tryComplete();
            }
        });
        client.closeHandler(v -> closed());
        client.exceptionHandler(e -> { });
    }

    /** Connects; fails when the broker refuses or cannot be reached. */
    Future<Void> connect(String host, int port) {
        return client.connect(port, host).compose(ack -> ack.code() == MqttConnectReturnCode.CONNECTION_ACCEPTED
                ? Future.<Void>succeededFuture()
                : Future.failedFuture("broker " + host + ":" + port + " refused " + client.clientId() + ": "
                        + ack.code()));
    }

    void onMessage(BiConsumer<String, byte[]> handler) {
        client.publishHandler(m -> handler.accept(m.topicName(), m.payload().getBytes()));
    }

    void onClose(Runnable handler) {
        this.onClose = handler;
    }

    Future<Void> subscribe(Map<String, Integer> topics) {
        return client.subscribe(topics).mapEmpty();
    }

    /** QoS 1; completes on PUBACK, fails when the connection ends first. */
    Future<Void> publish(String topic, byte[] payload) {
        if (closed || !client.isConnected()) {
            return Future.failedFuture("not connected");
        }
        Promise<Void> acked = Promise.promise();
        client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false)
                .onSuccess(id -> awaitingAck.put(id, acked))
                .onFailure(acked::tryFail);
        return acked.future();
    }

    /** Publishes QoS 0, for the NDEATH a box sends itself before a clean DISCONNECT. */
    Future<Void> publishOnce(String topic, byte[] payload) {
        return client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false).mapEmpty();
    }

    /** DISCONNECT: the broker discards the will. */
    Future<Void> close() {
        return client.isConnected() ? client.disconnect() : Future.succeededFuture();
    }

    /** Cuts the TCP connection without DISCONNECT: the broker publishes the will. */
    Future<Void> abort() {
        try {
            Object socket = SOCKET.get(client);
            if (socket instanceof NetSocket net) {
                return net.close();
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reach vertx-mqtt's socket", e);
        }
        return Future.succeededFuture();
    }

    private void closed() {
        if (closed) {
            return;
        }
        closed = true;
        awaitingAck.values().forEach(p -> p.tryFail("connection closed"));
        awaitingAck.clear();
        onClose.run();
    }
}
