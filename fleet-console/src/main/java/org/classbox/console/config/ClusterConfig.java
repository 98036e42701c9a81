package org.classbox.console.config;

import java.util.Arrays;
import java.util.List;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * Several consoles sharing one fleet. Off by default: one console, one MQTT session ({@code mqtt.groupFilter}). On,
 * the fleet is cut into {@code shards} by a stable hash of the Sparkplug group id, and each shard is held by one
 * instance at a time through a lease row in the PostgreSQL database the instances share as their store
 * ({@code store.url}; {@link ConsoleConfig} refuses a cluster on an H2 file).
 *
 * @param instanceId       this console among the others (unique; a restart with the same id gets its shards back
 *                         at once); empty means the host name
 * @param heartbeatSeconds how often leases are renewed and the shares recomputed
 * @param leaseSeconds     a lease not renewed for this long is free for another instance: how long a dead instance's
 *                         boxes wait (queued at the broker) before another takes them
 * @param groups           groups known before any box of theirs is seen (more are found in the store and at births)
 */
public record ClusterConfig(boolean enabled, String instanceId, int shards, int heartbeatSeconds, int leaseSeconds,
                            List<String> groups) {
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
    }

    static ClusterConfig from(Settings s) {
        String groups = s.string("cluster.groups", "");
        return new ClusterConfig(s.bool("cluster.enabled", false), s.string("cluster.instanceId", ""),
                s.integer("cluster.shards", 16), s.integer("cluster.heartbeatSeconds", 5),
                s.integer("cluster.leaseSeconds", 20),
                groups.isBlank() ? List.of() : Arrays.stream(groups.split(",")).map(String::trim).toList());
    }
}
