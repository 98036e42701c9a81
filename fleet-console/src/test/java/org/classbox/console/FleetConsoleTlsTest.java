package org.classbox.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.BrokerTls;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.settings.Settings;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.classbox.testing.TestPki;
import org.classbox.tls.PahoSecurity;
import org.classbox.tls.TlsConfig;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console configured for TLS (mqtt.caFile, certFile, keyFile) against the embedded broker's TLS listener with
 * client certificates and the Sparkplug ACL: as a host it may read every box.
 */
@ExtendWith(TestGuard.class)
class FleetConsoleTlsTest {
    @TempDir
    Path dir;
    private Vertx vertx;
    private EmbeddedBroker broker;
    private FleetConsole console;
    private ConsoleClient http;
    private MqttClient box;

    @BeforeEach
    void start() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("ca"), "classbox fleet CA");
        TestPki.Issued brokerCert = pki.issue("broker", "/CN=broker", "DNS:localhost");
        TestPki.Issued consoleCert = pki.issue("console", "/CN=classbox-console");
        TestPki.Issued boxCert = pki.issue("box-7", "/CN=box-7/OU=school");
        vertx = Vertx.vertx();
        int port = FreePorts.tcp();
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(port, dir.resolve("broker")),
                new BrokerTls(pki.caFile(), brokerCert.cert(), brokerCert.key(), Set.of("classbox-console")));
        broker.start().await(60, TimeUnit.SECONDS);
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", "ssl://localhost:" + port,
                "mqtt.caFile", pki.caFile().toString(), "mqtt.certFile", consoleCert.cert().toString(),
                "mqtt.keyFile", consoleCert.key().toString(), "http.port", "0",
                "store.dataDir", dir.resolve("console").toString(), "auth.adminPassword", "admin password of the test"))));
        console.start().await(30, TimeUnit.SECONDS);
        http = new ConsoleClient(console.httpPort()).login("admin", "admin password of the test");
        box = new MqttClient("ssl://localhost:" + port, "box-7", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        PahoSecurity.of(new TlsConfig("tls.", pki.caFile(), boxCert.cert(), boxCert.key(), false, null), "ssl://")
                .applyTo(options);
        box.connect(options);
    }

    @AfterEach
    void stop() throws Exception {
        if (box != null) {
            box.disconnect();
            box.close(true);
        }
        console.stop().await(30, TimeUnit.SECONDS);
        broker.stop().await(60, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void a_console_with_its_certificate_sees_a_box_born_over_tls() throws Exception {
        long t = System.currentTimeMillis();
        box.publish("spBv1.0/school/NBIRTH/box-7", new MqttMessage(PayloadCodec.encode(new Payload(t, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, t)))), 1, false, null));

        Await.until(Duration.ofSeconds(20), "box-7 listed by the console", () -> boxes().stream()
                .anyMatch(b -> ((io.vertx.core.json.JsonObject) b).getString("boxId").equals("box-7")));
    }

    private JsonArray boxes() {
        return new JsonArray(http.get("/api/v1/boxes").body());
    }
}
