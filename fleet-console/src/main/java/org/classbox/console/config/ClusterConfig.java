package org.classbox.console.config;

import java.util.Arrays;
import java.util.List;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * Several consoles sharing one fleet. Off by default: one console, one MQTT session ({@code mqtt.groupFilter}). On,
 * the fleet is cut into {@code shards} by a stable hash of the Sparkplug group id, and each shard is held by one
 * instance at a time through a lease row in the shared PostgreSQL database.
 *
 * @param instanceId       this console among the others (unique; a restart with the same id gets its shards back
 *                         at once); empty means the host name
 * @param heartbeatSeconds how often leases are renewed and the shares recomputed
 * @param leaseSeconds     a lease not renewed for this long is free for another instance: how long a dead instance's
 *                         boxes wait (queued at the broker) before another takes them
 * @param groups           groups known before any box of theirs is seen (more are found in the store and at births)
 * @param storeUrl         the shared PostgreSQL database of the leases ({@code jdbc:postgresql://host:port/db})
 */
public record ClusterConfig(boolean enabled, String instanceId, int shards, int heartbeatSeconds, int leaseSeconds,
                            List<String> groups, String storeUrl, String storeUser, String storePassword) {
    public ClusterConfig {
        groups = List.copyOf(groups);
        if (!instanceId.isEmpty()) {
            Check.identifier("cluster.instanceId", instanceId);
        }
        Check.inRange("cluster.shards", shards, 1, 1024);
        Check.inRange("cluster.heartbeatSeconds", heartbeatSeconds, 1, 60);
        Check.inRange("cluster.leaseSeconds", leaseSeconds, 3 * heartbeatSeconds, 600);
        for (String group : groups) {
            Check.that(group.matches("[A-Za-z0-9_.-]{1,64}"), "cluster.groups",
                    "must be a comma list of group ids, but held '" + group + "'");
        }
        // Leases only mean something in a database every instance shares: an H2 file is one process's own.
        Check.that(!enabled || storeUrl.startsWith("jdbc:postgresql://"), "cluster.storeUrl",
                "must be a PostgreSQL URL (jdbc:postgresql://host:port/db) when cluster.enabled=true, but was '"
                        + storeUrl + "'");
    }

    static ClusterConfig from(Settings s) {
        String groups = s.string("cluster.groups", "");
        return new ClusterConfig(s.bool("cluster.enabled", false), s.string("cluster.instanceId", ""),
                s.integer("cluster.shards", 16), s.integer("cluster.heartbeatSeconds", 5),
                s.integer("cluster.leaseSeconds", 20),
                groups.isBlank() ? List.of() : Arrays.stream(groups.split(",")).map(String::trim).toList(),
                s.string("cluster.storeUrl", ""), s.string("cluster.storeUser", "classbox"),
                s.string("cluster.storePassword", ""));
    }
}
