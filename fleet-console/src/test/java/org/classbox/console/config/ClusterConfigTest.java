package org.classbox.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class ClusterConfigTest {
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/classbox";

    private static ClusterConfig read(String... keyValues) {
        Map<String, String> map = new HashMap<>(Map.of("mqtt.uri", "tcp://127.0.0.1:1883", "mqtt.allowPlaintext",
                "true"));
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return ConsoleConfig.from(Settings.of(map)).cluster();
    }

    private static String error(String... keyValues) {
        return assertThrows(ConfigException.class, () -> read(keyValues)).getMessage();
    }

    @Test
    void is_off_by_default_with_sixteen_shards() {
        ClusterConfig config = read();
        assertFalse(config.enabled());
        assertEquals(16, config.shards());
        assertEquals(5, config.heartbeatSeconds());
        assertEquals(20, config.leaseSeconds());
    }

    @Test
    void reads_groups_as_a_comma_list() {
        assertEquals(List.of("north", "south-2"), read("cluster.groups", "north, south-2").groups());
    }

    @Test
    void enabled_cluster_needs_a_postgresql_store() {
        assertEquals("cluster.enabled is true, so store.url must name the PostgreSQL database the instances share"
                + " (jdbc:postgresql://host:port/db), but it is empty (the H2 file in store.dataDir)",
                error("cluster.enabled", "true"));
        assertTrue(read("cluster.enabled", "true", "store.url", PG, "store.user", "classbox").enabled());
    }

    @Test
    void the_former_cluster_store_keys_are_refused() {
        // The cluster shares the console's store: its own keys went away, and an old file says so instead of being
        // half obeyed.
        assertTrue(error("cluster.storeUrl", PG).contains("cluster.storeUrl"));
    }

    @Test
    void lease_must_outlast_three_heartbeats() {
        assertEquals("cluster.leaseSeconds must be in [15, 600], but was 10", error("cluster.leaseSeconds", "10"));
        assertEquals("cluster.shards must be in [1, 1024], but was 0", error("cluster.shards", "0"));
    }

    @Test
    void bad_group_or_instance_id_is_named() {
        assertEquals("cluster.groups must be a comma list of group ids, but held 'a/b'",
                error("cluster.groups", "north,a/b"));
        assertEquals("cluster.instanceId must be 1-64 letters, digits, '_', '.' or '-' starting with a letter or"
                + " digit, but was 'a b'", error("cluster.instanceId", "a b"));
    }
}
