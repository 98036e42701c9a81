package org.classbox.provisioning.enroll;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.BrokerTls;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.console.FleetConsole;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.settings.Settings;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestPki;
import org.classbox.tls.PahoSecurity;
import org.classbox.tls.TlsConfig;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * A fleet as a box meets it: a CA (openssl) that the console signs with ({@code pki.caCertFile}/{@code caKeyFile}),
 * the embedded broker's TLS listener requiring certificates from that CA, and the console on a fixed HTTP port (so a
 * queued enrollment finds it after a restart) with its store in {@code dir}. {@link #close} stops all of it.
 */
final class FleetRig implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin password of the enroll rig";
    private final Vertx vertx = Vertx.vertx();
    private final TestPki ca;
    private final Path dir;
    private final EmbeddedBroker broker;
    private final Map<String, String> settings = new HashMap<>();
    private final int httpPort;
    private FleetConsole console;
    private ConsoleClient admin;

    FleetRig(Path dir) throws Exception {
        this.dir = dir;
        ca = TestPki.create(dir.resolve("ca"), "classbox fleet CA");
        TestPki.Issued brokerCert = ca.issue("broker", "/CN=broker", "DNS:localhost", "IP:127.0.0.1");
        TestPki.Issued consoleCert = ca.issue("console", "/CN=classbox-console");
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dir.resolve("broker")),
                new BrokerTls(ca.caFile(), brokerCert.cert(), brokerCert.key(), Set.of("classbox-console")));
        broker.start().await(60, TimeUnit.SECONDS);
        httpPort = FreePorts.tcp();
        settings.putAll(Map.of("mqtt.uri", brokerUri(), "mqtt.caFile", ca.caFile().toString(),
                "mqtt.certFile", consoleCert.cert().toString(), "mqtt.keyFile", consoleCert.key().toString(),
                "http.port", String.valueOf(httpPort), "store.dataDir", dir.resolve("console").toString(),
                "auth.adminPassword", ADMIN_PASSWORD, "pki.caCertFile", ca.caFile().toString(),
                "pki.caKeyFile", caKey().toString()));
        startConsole();
    }

    void startConsole() throws Exception {
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(settings)));
        console.start().await(60, TimeUnit.SECONDS);
        admin = new ConsoleClient(httpPort).login("admin", ADMIN_PASSWORD);
    }

    void stopConsole() throws Exception {
        console.stop().await(30, TimeUnit.SECONDS);
    }

    String consoleUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    String brokerUri() {
        return "ssl://localhost:" + broker.config().port();
    }

    Path caFile() {
        return ca.caFile();
    }

    Path caKey() {
        return dir.resolve("ca/ca.key");
    }

    ConsoleClient admin() {
        return admin;
    }

    /** A claim for {@code box} of {@code group}: the console's answer, with the one-time code. */
    JsonObject claim(String group, String box) {
        ConsoleClient.Response r = admin.post("/api/v1/claims", new JsonObject().put("group", group).put("box", box)
                .put("validHours", 1).encode());
        if (r.status() != 201) {
            throw new AssertionError("POST /api/v1/claims answered " + r.status() + ": " + r.body());
        }
        return new JsonObject(r.body());
    }

    /** A Paho client connected as {@code box} with the files enroll wrote in {@code pkiDir}, or the refusal. */
    BoxClient connectAs(String box, Path pkiDir) throws MqttException {
        // Paho 1.2.5 leaves its "MQTT Con" thread looping when a broker drops a connection right after the TLS
        // handshake (eclipse-paho/paho.mqtt.java#850), as one refusing an expired certificate does: daemon threads
        // of our own keep that from outliving the test.
        ScheduledExecutorService threads = Executors.newScheduledThreadPool(4, task -> {
            Thread thread = new Thread(task, "paho-enroll-test");
            thread.setDaemon(true);
            return thread;
        });
        MqttAsyncClient client = new MqttAsyncClient(brokerUri(), box, new MemoryPersistence(), null, threads);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setConnectionTimeout(10);
        options.setAutomaticReconnect(false);
        PahoSecurity.of(new TlsConfig("tls.", pkiDir.resolve("ca.pem"), pkiDir.resolve("box.pem"),
                pkiDir.resolve("box.key"), false, null), brokerUri()).applyTo(options);
        BoxClient connected = new BoxClient(client, threads);
        try {
            client.connect(options).waitForCompletion(20_000);
        } catch (MqttException e) {
            connected.close();
            throw e;
        }
        return connected;
    }

    /** Connects as {@code box} and disconnects: throws the broker's refusal if it does not let the box in. */
    void connectsAs(String box, Path pkiDir) throws MqttException {
        connectAs(box, pkiDir).close();
    }

    /** A box's MQTT client and the threads it runs on. */
    record BoxClient(MqttAsyncClient client, ScheduledExecutorService threads) implements AutoCloseable {
        void publish(String topic, byte[] payload) throws MqttException {
            client.publish(topic, new MqttMessage(payload, 1, false, null)).waitForCompletion(20_000);
        }

        @Override
        public void close() {
            try {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(10_000);
                }
                client.close(true);
            } catch (MqttException e) {
                // Closing what the broker already dropped: nothing left to release but the threads.
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stopConsole();
        } finally {
            broker.stop().await(60, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }
}
