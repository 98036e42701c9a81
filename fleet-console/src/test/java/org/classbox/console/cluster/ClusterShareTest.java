package org.classbox.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.classbox.console.FleetConsole;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.settings.Settings;
import org.classbox.testing.Await;
import org.classbox.sparkplug.HostState;
import org.classbox.testing.Mosquitto;
import org.classbox.testing.OnMessage;
import org.classbox.testing.TestGuard;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Consoles in one JVM (a Vert.x each) sharing the shards as instances come and go gracefully. */
@ExtendWith(TestGuard.class)
class ClusterShareTest {
    private static final int SHARDS = 6;

    @TempDir
    Path dir;
    private Mosquitto broker;
    private FreshDatabase database;
    private final List<Vertx> vertxes = new ArrayList<>();
    private final Map<String, FleetConsole> consoles = new HashMap<>();

    @AfterEach
    void close() throws Exception {
        for (FleetConsole console : consoles.values()) {
            console.stop().await(30, TimeUnit.SECONDS);
        }
        for (Vertx vertx : vertxes) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void instances_share_shards_and_a_stopped_one_gives_its_share_back_at_once() throws Exception {
        broker = Mosquitto.start(dir, List.of("allow_anonymous true"));
        database = new FreshDatabase();
        start("a");
        Await.until(Duration.ofSeconds(20), "a holds every shard",
                () -> database.leaseOwners().equals(Map.of("a", SHARDS)));
        start("b");
        start("c");
        Await.until(Duration.ofSeconds(20), "three instances hold two shards each",
                () -> database.leaseOwners().equals(Map.of("a", 2, "b", 2, "c", 2)));
        assertEquals(2L, consoles.get("b").ingestCounters().snapshot().get("shardsOwned"));

        long stopping = System.nanoTime();
        stop("a");
        // Given back, not expired: the others take the shards at their next heartbeats, long before the lease ends.
        Await.until(Duration.ofSeconds(10), "b and c hold a's shards",
                () -> database.leaseOwners().equals(Map.of("b", 3, "c", 3)));
        assertTrue((System.nanoTime() - stopping) / 1_000_000 < 20_000);
        stop("b");
        // b's will said offline; c, still alive, answers it.
        Await.until(Duration.ofSeconds(10), "STATE online again while c runs", () -> retainedState().online());
        stop("c");
        assertEquals(Map.of(), database.leaseOwners());
        assertEquals(0L, count("SELECT COUNT(*) FROM console_instances"));
        // The last one to leave leaves STATE offline: the boxes keep their data until a console is back.
        Await.until(Duration.ofSeconds(10), "STATE offline", () -> !retainedState().online());
    }

    /** The retained STATE of the cluster, as a box connecting now reads it. */
    private HostState retainedState() {
        List<HostState> states = new CopyOnWriteArrayList<>();
        MqttClient box;
        try {
            box = new MqttClient("tcp://127.0.0.1:" + broker.port(), "box-reading-state",
                    new MemoryPersistence());
        } catch (MqttException e) {
            throw new AssertionError(e);
        }
        box.setCallback(new OnMessage((topic, message) -> states.add(HostState.decode(message.getPayload()))));
        try {
            box.connect(new MqttConnectionOptions());
            box.subscribe("spBv1.0/STATE/console", 1);
            return Await.value(Duration.ofSeconds(10), "retained STATE", () -> states.isEmpty() ? null
                    : states.get(states.size() - 1));
        } catch (MqttException e) {
            throw new AssertionError(e);
        } finally {
            try {
                box.disconnect();
                box.close();
            } catch (MqttException ignored) {
                // Not connected.
            }
        }
    }

    private void start(String instance) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("mqtt.uri", "tcp://127.0.0.1:" + broker.port(),
                "mqtt.allowPlaintext", "true", "mqtt.hostId", "console", "http.port", "0",
                "store.dataDir", dir.resolve(instance).toString(), "cluster.enabled", "true",
                "cluster.instanceId", instance, "cluster.storeUrl", database.url(),
                "cluster.storePassword", FreshDatabase.PASSWORD, "cluster.groups", "north,south,east,west"));
        settings.putAll(Map.of("cluster.shards", String.valueOf(SHARDS), "cluster.heartbeatSeconds", "1",
                "cluster.leaseSeconds", "20"));
        Vertx vertx = Vertx.vertx();
        vertxes.add(vertx);
        FleetConsole console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(settings)));
        console.start().await(30, TimeUnit.SECONDS);
        consoles.put(instance, console);
    }

    private void stop(String instance) throws Exception {
        consoles.remove(instance).stop().await(30, TimeUnit.SECONDS);
    }

    private long count(String sql) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
