package org.classbox.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.classbox.sparkplug.HostState;
import org.classbox.testing.Await;
import org.classbox.testing.Mosquitto;
import org.classbox.testing.OnMessage;
import org.classbox.testing.TestGuard;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two console processes share a fleet of boxes in eight groups through Debian's mosquitto and one PostgreSQL store;
 * one is killed with SIGKILL while the boxes keep publishing, and the other takes its shards over with everything
 * the broker queued for them, decoding them with the births the first one saved: no rebirth, no row missing.
 */
@ExtendWith(TestGuard.class)
class ClusterFailoverTest {
    private static final int SHARDS = 8;
    private static final int HEARTBEAT_SECONDS = 1;
    private static final int LEASE_SECONDS = 5;
    private static final int RECORDS = 20;
    private static final String ADMIN_PASSWORD = "admin password of the cluster test";

    @TempDir
    Path dir;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void killed_instance_share_is_taken_over_with_every_message_queued_for_it() throws Exception {
        Mosquitto broker = keep(Mosquitto.start(dir, List.of("allow_anonymous true", "max_queued_messages 100000",
                "log_type subscribe")));
        SharedDatabase database = keep(new SharedDatabase());
        List<String> groups = oneGroupPerShard();
        ConsoleProcess a = keep(ConsoleProcess.start(dir.resolve("a"), settings(broker, database, "a", groups)));
        Await.until(Duration.ofSeconds(30), "a holds every shard", () -> database.leaseOwners().get("a") == SHARDS);
        ConsoleProcess b = keep(ConsoleProcess.start(dir.resolve("b"), settings(broker, database, "b", groups)));
        Await.until(Duration.ofSeconds(30), "a and b hold half the shards each",
                () -> database.leaseOwners().equals(Map.of("a", SHARDS / 2, "b", SHARDS / 2)));
        // The shard sessions' subscriptions live at the broker from then on, whoever holds the shard.
        Await.until(Duration.ofSeconds(30), "every group subscribed", () -> groups.stream().allMatch(
                g -> brokerLog(dir).contains("spBv1.0/" + g + "/#")));

        Observer observer = keep(new Observer(broker.port()));
        List<TestBox> boxes = new ArrayList<>();
        for (String group : groups) {
            for (int i = 1; i <= 2; i++) {
                boxes.add(keep(new TestBox(broker.port(), group, "box-" + i)));
            }
        }
        for (TestBox box : boxes) {
            box.birth();
            box.data(1, RECORDS);
        }
        int firstHalf = boxes.size() * RECORDS;
        Await.until(Duration.ofSeconds(60), "both instances stored the first records", () ->
                samplesStored(a) + samplesStored(b) == firstHalf && samplesStored(a) > 0 && samplesStored(b) > 0);
        // Each box's messages reached one instance: none was stored twice.
        assertEquals(0L, a.ingest().getLong("samplesRepeated") + b.ingest().getLong("samplesRepeated"));

        long killedAt = System.nanoTime();
        a.kill();
        for (TestBox box : boxes) {
            box.data(RECORDS + 1, 2 * RECORDS);
        }
        Await.until(Duration.ofSeconds(LEASE_SECONDS + 30), "b holds every shard",
                () -> b.ingest().getLong("shardsOwned") == SHARDS);
        long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
        assertTrue(takeoverMillis < (LEASE_SECONDS + 3 * HEARTBEAT_SECONDS + 5) * 1000L,
                "took over in " + takeoverMillis + " ms");
        Await.until(Duration.ofSeconds(60), "every record of every box in the shared store",
                () -> records(database) == 2L * firstHalf);
        long recordsAt = System.nanoTime();
        Await.until(Duration.ofSeconds(30), "STATE online again after a's will", observer::stateOnlineAfterWill);
        JsonObject counters = b.ingest();
        System.out.println("cluster: b took a's shards over " + takeoverMillis + " ms after the SIGKILL, had every"
                + " record " + (recordsAt - killedAt) / 1_000_000 + " ms after it; rebirths asked: "
                + counters.getLong("rebirthRequests") + " (seq gap " + counters.getLong("rebirthsForSeqGap")
                + "), NCMD seen " + observer.rebirths);
        b.stop();

        // The births a saved are b's too: the boxes it took over were decoded without any rebirth, and their seq,
        // adopted at the first message after the takeover, never read as a gap.
        assertEquals(0L, counters.getLong("rebirthRequests"), "rebirths asked by b: " + counters);
        assertEquals(0L, counters.getLong("rebirthsForSeqGap"));
        assertEquals(0L, counters.getLong("seqGaps"));
        assertEquals(List.of(), observer.rebirths);
        assertEquals(0L, database.count("SELECT COUNT(*) FROM parked"));
        for (TestBox box : boxes) {
            assertEquals(2L * RECORDS, database.count("SELECT COUNT(DISTINCT record_id) FROM samples"
                    + " WHERE group_id = ? AND box_id = ?", box.group(), box.box()), "records of " + box.key());
        }
    }

    /** Group ids g<n> with one group in every shard, so both instances get boxes. */
    private static List<String> oneGroupPerShard() {
        Map<Integer, String> byShard = new HashMap<>();
        for (int n = 0; byShard.size() < SHARDS; n++) {
            byShard.putIfAbsent(ShardMap.shardOf("g" + n, SHARDS), "g" + n);
        }
        return List.copyOf(byShard.values());
    }

    private Map<String, String> settings(Mosquitto broker, SharedDatabase database, String instance,
                                         List<String> groups) {
        Map<String, String> settings = new HashMap<>(Map.of("mqtt.uri", "tcp://127.0.0.1:" + broker.port(),
                "mqtt.allowPlaintext", "true", "mqtt.hostId", "console", "http.port", "0",
                "cluster.enabled", "true", "cluster.instanceId", instance, "cluster.groups", String.join(",", groups),
                "auth.adminPassword", ADMIN_PASSWORD));
        settings.putAll(database.storeSettings());
        settings.putAll(Map.of("store.dataDir", dir.resolve(instance).resolve("data").toString(),
                "cluster.shards", String.valueOf(SHARDS), "cluster.heartbeatSeconds", String.valueOf(HEARTBEAT_SECONDS),
                "cluster.leaseSeconds", String.valueOf(LEASE_SECONDS)));
        return settings;
    }

    /** Distinct records of every box in the shared store. */
    private static long records(SharedDatabase database) {
        return database.count("SELECT COUNT(*) FROM (SELECT DISTINCT group_id, box_id, record_id FROM samples) r");
    }

    private static long samplesStored(ConsoleProcess console) {
        return console.ingest().getLong("samplesStored");
    }

    private static String brokerLog(Path dir) {
        try {
            return java.nio.file.Files.readString(dir.resolve("mosquitto.log"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        closing.add(closeable);
        return closeable;
    }

    /** Watches STATE and the rebirth requests, as the boxes would. */
    private static final class Observer implements AutoCloseable {
        private final MqttClient client;
        private final List<String> rebirths = new CopyOnWriteArrayList<>();
        private final List<HostState> states = new CopyOnWriteArrayList<>();

        Observer(int port) throws Exception {
            client = new MqttClient("tcp://127.0.0.1:" + port, "observer", new MemoryPersistence());
            client.setCallback(new OnMessage((topic, message) -> {
                String[] levels = topic.split("/");
                if (levels[1].equals("STATE")) {
                    states.add(HostState.decode(message.getPayload()));
                } else {
                    rebirths.add(levels[1] + "/" + levels[3]);
                }
            }));
            client.connect(new MqttConnectionOptions());
            client.subscribe(new String[] {"spBv1.0/STATE/console", "spBv1.0/+/NCMD/+"}, new int[] {1, 1});
        }

        /** An offline (the killed instance's will) was followed by an online with a newer timestamp. */
        boolean stateOnlineAfterWill() {
            for (int i = 0; i < states.size(); i++) {
                if (!states.get(i).online()) {
                    HostState will = states.get(i);
                    return states.subList(i + 1, states.size()).stream()
                            .anyMatch(s -> s.online() && s.timestamp() > will.timestamp());
                }
            }
            return false;
        }

        @Override
        public void close() throws Exception {
            client.disconnect();
            client.close();
        }
    }
}
