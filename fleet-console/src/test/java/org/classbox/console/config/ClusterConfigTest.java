package org.classbox.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals("cluster.storeUrl must be a PostgreSQL URL (jdbc:postgresql://host:port/db) when"
                + " cluster.enabled=true, but was ''", error("cluster.enabled", "true"));
        assertEquals("cluster.storeUrl must be a PostgreSQL URL (jdbc:postgresql://host:port/db) when"
                + " cluster.enabled=true, but was 'jdbc:h2:file:/tmp/x'", error("cluster.enabled", "true",
                "cluster.storeUrl", "jdbc:h2:file:/tmp/x"));
        assertEquals(PG, read("cluster.enabled", "true", "cluster.storeUrl", PG).storeUrl());
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
