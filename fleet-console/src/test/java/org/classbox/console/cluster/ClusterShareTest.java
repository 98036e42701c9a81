package org.classbox.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
    private SharedDatabase database;
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
        database = new SharedDatabase();
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
        assertEquals(0L, database.count("SELECT COUNT(*) FROM console_instances"));
        // The last one to leave leaves STATE offline: the boxes keep their data until a console is back.
        Await.until(Duration.ofSeconds(10), "STATE offline", () -> !retainedState().online());
    }

    @Test
    void a_shard_given_back_and_taken_again_by_the_same_instance_is_no_seq_gap() throws Exception {
        broker = Mosquitto.start(dir, List.of("allow_anonymous true"));
        database = new SharedDatabase();
        // A group in the upper half of the shards: the half a gives back when b joins.
        String group = groupIn(SHARDS - 1);
        int shard = ShardMap.shardOf(group, SHARDS);
        start("a", group);
        Await.until(Duration.ofSeconds(20), "a holds every shard",
                () -> database.leaseOwners().equals(Map.of("a", SHARDS)));
        try (TestBox box = new TestBox(broker.port(), group, "box-1");
             TestBox witness = new TestBox(broker.port(), group, "witness")) {
            box.birth();
            box.data(1, 5);
            Await.until(Duration.ofSeconds(20), "a stored records 1-5", () -> records(group, "box-1") == 5);

            start("b", group);
            Await.until(Duration.ofSeconds(20), "b holds the group's shard", () -> owner(shard).equals("b"));
            box.data(6, 10);
            Await.until(Duration.ofSeconds(20), "b stored records 6-10", () -> records(group, "box-1") == 10);
            stop("b");
            Await.until(Duration.ofSeconds(20), "a holds the group's shard again", () -> owner(shard).equals("a"));
            // Numbers 6-10 went to b: a adopts the box's next number instead of waiting for them.
            box.data(11, 15);
            Await.until(Duration.ofSeconds(20), "a stored records 11-15", () -> records(group, "box-1") == 15);

            // The witness really skips a number after that: once its gap is counted, box-1's would have been too.
            witness.birth();
            witness.data(1, 1);
            witness.skip();
            witness.data(2, 2);
            Await.until(Duration.ofSeconds(20), "the witness's gap counted",
                    () -> consoles.get("a").ingestCounters().seqGaps() >= 1);
        }
        assertEquals(1L, consoles.get("a").ingestCounters().seqGaps(), "gaps: the witness's only");
    }

    /** A group id in {@code shard}. */
    private static String groupIn(int shard) {
        for (int n = 0; ; n++) {
            if (ShardMap.shardOf("g" + n, SHARDS) == shard) {
                return "g" + n;
            }
        }
    }

    private String owner(int shard) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT owner FROM shard_leases WHERE shard = ?")) {
            ps.setInt(1, shard);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private long records(String group, String box) {
        return database.count("SELECT COUNT(DISTINCT record_id) FROM samples WHERE group_id = ? AND box_id = ?",
                group, box);
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
        start(instance, "north,south,east,west");
    }

    private void start(String instance, String groups) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("mqtt.uri", "tcp://127.0.0.1:" + broker.port(),
                "mqtt.allowPlaintext", "true", "mqtt.hostId", "console", "http.port", "0",
                "store.dataDir", dir.resolve(instance).toString(), "cluster.enabled", "true",
                "cluster.instanceId", instance, "cluster.groups", groups,
                "auth.adminPassword", "admin password of the cluster test"));
        settings.putAll(database.storeSettings());
        settings.putAll(Map.of("cluster.shards", String.valueOf(SHARDS), "cluster.heartbeatSeconds", "1",
                "cluster.leaseSeconds", "20", "ingest.reorderTimeoutMillis", "500"));
        Vertx vertx = Vertx.vertx();
        vertxes.add(vertx);
        FleetConsole console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(settings)));
        console.start().await(30, TimeUnit.SECONDS);
        consoles.put(instance, console);
    }

    private void stop(String instance) throws Exception {
        consoles.remove(instance).stop().await(30, TimeUnit.SECONDS);
    }
}
