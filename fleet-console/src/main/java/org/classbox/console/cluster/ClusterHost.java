package org.classbox.console.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.classbox.console.config.ClusterConfig;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.console.config.MqttConfig;
import org.classbox.console.config.StoreConfig;
import org.classbox.console.sparkplug.ShardSession;
import org.classbox.console.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This console as one instance of a cluster sharing the fleet: the shard sessions it holds feed {@code messages}
 * (the instance's one ingest), its control session carries STATE, commands and group discovery, and every
 * {@code cluster.heartbeatSeconds} the coordinator renews, takes and gives back shards. Runs on {@code context}.
 */
public final class ClusterHost {
    private static final Logger log = LoggerFactory.getLogger(ClusterHost.class);

    private final Context context;
    private final ClusterConfig config;
    private final String instance;
    private final ClusterDb db;
    private final ClusterControl control;
    private final ShardCoordinator coordinator;
    private final Set<String> knownGroups = new HashSet<>();
    private long timer = -1;

    /**
     * {@code owned} hears how many shards this instance holds after every heartbeat; {@code taking} gets the groups
     * of a shard taken over, before its session delivers anything (the ingest learns their saved births and forgets
     * the seq of their boxes, which another instance may have followed meanwhile).
     */
    public ClusterHost(Context context, ConsoleConfig console, BiFunction<String, byte[], Future<Void>> messages,
                       IntConsumer owned, Function<Set<String>, Future<Void>> taking) {
        this.context = context;
        this.config = console.cluster();
        MqttConfig mqtt = console.mqtt();
        this.instance = config.instanceId().isEmpty() ? hostName() : config.instanceId();
        this.db = new ClusterDb(context.owner(), connections(console.store()), config.shards());
        this.control = new ClusterControl(context, mqtt, instance, this::groupSeen);
        this.coordinator = new ShardCoordinator(config, instance, db,
                shard -> new ShardSession(context, mqtt, mqtt.hostId() + "-shard-" + shard, messages), owned,
                taking);
    }

    /** Registers the groups known so far, connects and takes a first share; later shares come with heartbeats. */
    public Future<Void> start(Collection<String> groupsInStore) {
        knownGroups.addAll(config.groups());
        knownGroups.addAll(groupsInStore);
        log.info("console instance {} joins the cluster ({} shards, {} groups known)", instance, config.shards(),
                knownGroups.size());
        return db.start()
                .compose(v -> db.addGroups(knownGroups))
                .compose(v -> control.connect().recover(e -> {
                    log.warn("{}; retrying at the next heartbeat", e.getMessage());
                    return Future.succeededFuture();
                }))
                .compose(v -> heartbeat())
                .onSuccess(v -> timer = context.owner().setPeriodic(config.heartbeatSeconds() * 1000L,
                        id -> heartbeat()));
    }

    /** Gives the shards back, leaves the live instances and the broker. */
    public Future<Void> stop() {
        if (timer >= 0) {
            context.owner().cancelTimer(timer);
        }
        return coordinator.stop()
                .eventually(() -> db.leave(instance))
                .eventually(control::stop)
                .eventually(db::stop);
    }

    /** Publishes retained, QoS 1, on this instance's own session (a box's schedule). */
    public Future<Void> publishRetained(String topic, byte[] payload) {
        return control.publish(topic, payload, true);
    }

    /** Publishes QoS 1, not retained, on this instance's own session (commands to boxes). */
    public Future<Void> publish(String topic, byte[] payload) {
        return control.publish(topic, payload, false);
    }

    public void requestRebirth(String groupId, String boxId) {
        control.requestRebirth(groupId, boxId);
    }

    private Future<Void> heartbeat() {
        control.connect().onFailure(e -> log.warn("{}", e.getMessage()));
        return coordinator.beat(control.isConnected()).onComplete(v -> control.discover(coordinator.holds(0)));
    }

    private void groupSeen(String group) {
        if (knownGroups.add(group)) {
            log.info("new group {} (shard {})", group, ShardMap.shardOf(group, config.shards()));
            db.addGroups(List.of(group)).onFailure(e -> {
                knownGroups.remove(group);
                log.warn("cannot record group {}: {}", group, e.getMessage());
            });
        }
    }

    /**
     * Connections to the store's PostgreSQL database, where the leases live beside the rows. The login (a password
     * file, maybe) is read at the first connect, on the cluster's worker.
     */
    private static ClusterDb.ConnectionFactory connections(StoreConfig store) {
        Database[] database = new Database[1];
        return () -> {
            try {
                if (database[0] == null) {
                    database[0] = Database.open(store);
                }
            } catch (IOException | UncheckedIOException e) {
                throw new SQLException("cannot open the store " + store.where() + ": " + e.getMessage(), e);
            }
            return database[0].connect();
        };
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.-]", "-");
            return name.length() > 64 ? name.substring(0, 64) : name;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cluster.instanceId is empty and the host has no name: set it", e);
        }
    }
}
