package org.classbox.console;

import io.vertx.core.Vertx;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.settings.Settings;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.FreePorts;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * A console on a real embedded broker in {@code dir}, a Paho client playing box {@code box-7}, and an HTTP client for
 * the console's API: the rig of the console's end-to-end tests. {@link #close} stops all of it.
 */
final class ConsoleOnBroker implements AutoCloseable {
    private final Path dir;
    private final Map<String, String> settings;
    private final Vertx vertx = Vertx.vertx();
    private final EmbeddedBroker broker;
    private final MqttClient box;
    static final String ADMIN_PASSWORD = "admin password of the rig";
    /** Logged in as the admin after each start: keeps the session cookie. */
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private FleetConsole console;

    /** {@code extra} console settings over the rig's own (plaintext broker, any HTTP port, a store in dir). */
    ConsoleOnBroker(Path dir, Map<String, String> extra) throws Exception {
        this.dir = dir;
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dir.resolve("broker")));
        broker.start().await(30, TimeUnit.SECONDS);
        settings = new HashMap<>(Map.of("mqtt.uri", broker.uri(), "mqtt.allowPlaintext", "true", "http.port", "0",
                "store.dataDir", dir.resolve("console").toString(), "auth.adminPassword", ADMIN_PASSWORD));
        settings.putAll(extra);
        startConsole();
        box = new MqttClient(broker.uri(), "box-7", new MemoryPersistence());
        box.connect(new MqttConnectionOptions());
    }

    /** Starts a console (again, after {@link #stopConsole}) on the same store. */
    void startConsole() throws Exception {
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(settings)));
        console.start().await(30, TimeUnit.SECONDS);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + console.httpPort() + "/api/v1/login")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login as admin answered " + login.statusCode() + ": " + login.body());
        }
    }

    void stopConsole() throws Exception {
        console.stop().await(30, TimeUnit.SECONDS);
    }

    FleetConsole console() {
        return console;
    }

    String brokerUri() {
        return broker.uri();
    }

    /** Publishes as the box, QoS 1, not retained. */
    void publish(String topic, Payload payload) throws Exception {
        publish(topic, PayloadCodec.encode(payload));
    }

    void publish(String topic, byte[] payload) throws Exception {
        box.publish(topic, new MqttMessage(payload, 1, false, null));
    }

    /** Subscribes the box's client to {@code filter} (QoS 1), as an agent subscribes to its commands. */
    void subscribe(String filter, IMqttMessageListener listener) throws Exception {
        // Paho 1.2.5's subscribe(String, int, listener) calls itself until the stack overflows; the array form works.
        box.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)}, new IMqttMessageListener[] {listener})
                .waitForCompletion(10_000);
    }

    /** Stops the broker; the console keeps trying to reconnect until {@link #startBroker}. */
    void stopBroker() throws Exception {
        broker.stop().await(30, TimeUnit.SECONDS);
    }

    /** Starts the broker again on its port; the box's client is not reconnected. */
    void startBroker() throws Exception {
        broker.start().await(30, TimeUnit.SECONDS);
    }

    /** A POST of {@code json} (no session: a console without accounts acts as the system operator). */
    HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.httpPort() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a GET, for conditions polled by {@code Await} (which cannot throw checked exceptions). */
    String body(String path) {
        try {
            return get(path).body();
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    /** The first column of the first row of {@code sql} (a count) in the console's store. */
    long count(String sql) {
        try {
            return console.store().read("count", w -> {
                try (var ps = w.connection().prepareStatement(sql); var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() throws Exception {
        if (box.isConnected()) {
            box.disconnect();
        }
        box.close(true);
        console.stop().await(30, TimeUnit.SECONDS);
        broker.stop().await(30, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
