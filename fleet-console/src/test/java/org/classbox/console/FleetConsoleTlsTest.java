package org.classbox.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.settings.Settings;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.TestGuard;
import org.eclipse.paho.mqttv5.client.MqttClient;
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
    private TlsBroker broker;
    private FleetConsole console;
    private ConsoleClient http;
    private MqttClient box;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        broker = TlsBroker.start(vertx, dir);
        Map<String, String> settings = new HashMap<>(broker.consoleSettings());
        settings.putAll(Map.of("http.port", "0", "store.dataDir", dir.resolve("console").toString(),
                "auth.adminPassword", "admin password of the test"));
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(settings)));
        console.start().await(30, TimeUnit.SECONDS);
        http = new ConsoleClient(console.httpPort()).login("admin", "admin password of the test");
        box = broker.connectBox("box-7");
    }

    @AfterEach
    void stop() throws Exception {
        if (box != null) {
            box.disconnect();
            box.close(true);
        }
        console.stop().await(30, TimeUnit.SECONDS);
        broker.close();
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
