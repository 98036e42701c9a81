package org.classbox.console.cluster;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.console.FleetConsole;
import org.classbox.console.TlsBroker;
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
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster instance over TLS to the embedded HiveMQ with client certificates and the Sparkplug ACL: its shard and
 * control sessions ({@code <CN>-shard-k}, {@code <CN>-host-<instance>}) get in under the console's one certificate.
 */
@ExtendWith(TestGuard.class)
class ClusterTlsTest {
    private static final String ADMIN_PASSWORD = "admin password of the cluster tls test";

    @TempDir
    Path dir;
    private Vertx vertx;
    private TlsBroker broker;
    private SharedDatabase database;
    private FleetConsole console;
    private MqttClient box;

    @AfterEach
    void stop() throws Exception {
        if (box != null) {
            box.disconnect();
            box.close(true);
        }
        if (console != null) {
            console.stop().await(30, TimeUnit.SECONDS);
        }
        if (broker != null) {
            broker.close();
        }
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_cluster_console_connects_its_shard_sessions_with_its_certificate() throws Exception {
        vertx = Vertx.vertx();
        broker = TlsBroker.start(vertx, dir);
        database = new SharedDatabase();
        Map<String, String> settings = new HashMap<>(broker.consoleSettings());
        settings.putAll(Map.of("http.port", "0", "store.dataDir", dir.resolve("console").toString(),
                "auth.adminPassword", ADMIN_PASSWORD, "cluster.enabled", "true", "cluster.instanceId", "a",
                "cluster.groups", "school", "cluster.shards", "2", "cluster.heartbeatSeconds", "1",
                "cluster.leaseSeconds", "5"));
        settings.putAll(database.storeSettings());
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(settings)));
        console.start().await(30, TimeUnit.SECONDS);
        Await.until(Duration.ofSeconds(20), "both shards held",
                () -> database.leaseOwners().equals(Map.of("a", 2)));

        assertThrows(MqttException.class, () -> broker.connectBox("box-7-shard-0"),
                "a box under a suffixed client id");
        box = broker.connectBox("box-7");
        long t = System.currentTimeMillis();
        box.publish("spBv1.0/school/NBIRTH/box-7", new MqttMessage(PayloadCodec.encode(new Payload(t, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, t)))), 1, false, null));

        ConsoleClient http = new ConsoleClient(console.httpPort()).login("admin", ADMIN_PASSWORD);
        Await.until(Duration.ofSeconds(20), "box-7 listed by the cluster console", () -> new JsonArray(
                http.get("/api/v1/boxes").body()).stream().anyMatch(b -> ((JsonObject) b).getString("boxId")
                .equals("box-7")));
    }
}
