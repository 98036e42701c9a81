package org.classbox.console.cluster;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.classbox.console.config.ClusterConfig;
import org.classbox.console.sparkplug.ShardSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, at every heartbeat, which shards this instance holds: it renews its leases, aims for
 * ceil(shards / live instances), takes free or expired shards up to that and gives extras back (the session is
 * disconnected without ending it, then the lease released), and reconnects the sessions of the shards it holds.
 * A lease it could not renew is dropped at once; so are all when the database was unreachable for longer than a
 * lease minus a heartbeat, before another instance may take them. Runs on the console's context; one heartbeat at
 * a time.
 */
final class ShardCoordinator {
    private static final Logger log = LoggerFactory.getLogger(ShardCoordinator.class);

    private final ClusterConfig config;
    private final String instance;
    private final ClusterDb db;
    private final Function<Integer, ShardSession> sessions;
    private final IntConsumer owned;
    private final Function<Set<String>, Future<Void>> taking;
    private final Map<Integer, ShardSession> held = new TreeMap<>();
    private final long leaseMillis;
    private List<String> groups = List.of();
    private long renewedNanos = System.nanoTime();
    private boolean beating;
    private boolean brokerReachable;
    private boolean stopped;

    /**
     * {@code sessions} makes the (unconnected) session of a shard; {@code owned} hears how many are held;
     * {@code taking} prepares the ingest for a taken shard's groups before its session connects.
     */
    ShardCoordinator(ClusterConfig config, String instance, ClusterDb db,
                     Function<Integer, ShardSession> sessions, IntConsumer owned,
                     Function<Set<String>, Future<Void>> taking) {
        this.config = config;
        this.instance = instance;
        this.db = db;
        this.sessions = sessions;
        this.owned = owned;
        this.taking = taking;
        this.leaseMillis = config.leaseSeconds() * 1000L;
    }

    boolean holds(int shard) {
        return held.containsKey(shard);
    }

    /**
     * One heartbeat; completes when its decisions are carried out (connects may still be under way). An instance
     * that cannot reach the broker ({@code brokerReachable} false) takes no shard, and renews only the shards whose
     * session was connected lately: cut off from the broker but not from the database, it lets their leases run out
     * so that another instance serves those boxes.
     */
    Future<Void> beat(boolean brokerReachable) {
        if (beating || stopped) {
            return Future.succeededFuture();
        }
        beating = true;
        this.brokerReachable = brokerReachable;
        long healthyWithin = leaseMillis - config.heartbeatSeconds() * 1000L;
        List<Integer> renewing = held.entrySet().stream().filter(e -> e.getValue().healthy(healthyWithin))
                .map(Map.Entry::getKey).toList();
        return db.heartbeat(instance, leaseMillis, renewing)
                .compose(this::decide)
                .recover(this::unreachable)
                .onComplete(done -> {
                    beating = false;
                    owned.accept(held.size());
                });
    }

    /** Gives every shard back (graceful stop); the next instances take them at their next heartbeat. */
    Future<Void> stop() {
        stopped = true;
        List<Future<Void>> all = new ArrayList<>();
        for (int shard : List.copyOf(held.keySet())) {
            all.add(giveBack(shard));
        }
        return Future.join(all).mapEmpty();
    }

    private Future<Void> decide(ClusterDb.Beat beat) {
        renewedNanos = System.nanoTime();
        groups = beat.groups();
        for (int shard : List.copyOf(held.keySet())) {
            if (!beat.renewed().contains(shard)) {
                log.warn("lost shard {} (groups {}): its session is cut off from the broker, or another instance"
                        + " holds its lease", shard, groupsOf(shard));
                held.remove(shard).close(false);
            }
        }
        int target = (config.shards() + beat.liveInstances() - 1) / beat.liveInstances();
        List<Future<?>> steps = new ArrayList<>();
        Set<String> takenGroups = new HashSet<>();
        if (held.size() > target) {
            List<Integer> extras = new ArrayList<>(held.keySet()).subList(target, held.size());
            for (int shard : List.copyOf(extras)) {
                steps.add(giveBack(shard));
            }
        } else if (brokerReachable) {
            int wanted = target - held.size();
            for (int shard : beat.free()) {
                if (held.containsKey(shard)) {
                    continue;
                }
                if (wanted-- <= 0) {
                    break;
                }
                steps.add(db.take(instance, shard, leaseMillis).compose(taken -> {
                    if (taken && stopped) {
                        // Stopped while taking it: back at once, not after the lease.
                        return db.release(instance, shard);
                    }
                    if (taken) {
                        log.info("took shard {} (groups {}); {} instances alive", shard, groupsOf(shard),
                                beat.liveInstances());
                        held.put(shard, sessions.apply(shard));
                        takenGroups.addAll(groupsOf(shard));
                    }
                    return Future.succeededFuture();
                }));
            }
        }
        return Future.join(steps).recover(e -> Future.succeededFuture())
                .compose(v -> takenGroups.isEmpty() ? Future.succeededFuture() : taking.apply(takenGroups)
                        .recover(e -> {
                            // Messages using aliases it could not learn are parked and their boxes asked to rebirth.
                            log.warn("preparing taken groups {}: {}", takenGroups, e.getMessage());
                            return Future.succeededFuture();
                        }))
                .map(v -> {
                    held.forEach((shard, session) -> {
                        session.follow(groupsOf(shard));
                        session.connect().onFailure(e -> log.warn("shard {}: {}", shard, e.getMessage()));
                    });
                    return null;
                });
    }

    private Future<Void> giveBack(int shard) {
        ShardSession session = held.remove(shard);
        log.info("giving shard {} back (groups {})", shard, groupsOf(shard));
        return session.close(true).eventually(() -> db.release(instance, shard));
    }

    /** The database failed this heartbeat: keep the shards only while their leases surely hold. */
    private Future<Void> unreachable(Throwable cause) {
        long silentMillis = (System.nanoTime() - renewedNanos) / 1_000_000;
        log.warn("cluster heartbeat failed ({} ms since the last): {}", silentMillis, cause.getMessage());
        if (silentMillis > leaseMillis - config.heartbeatSeconds() * 1000L && !held.isEmpty()) {
            log.warn("dropping shards {}: their leases may have expired", held.keySet());
            held.values().forEach(session -> session.close(false));
            held.clear();
        }
        return Future.succeededFuture();
    }

    private List<String> groupsOf(int shard) {
        return groups.stream().filter(g -> ShardMap.shardOf(g, config.shards()) == shard).toList();
    }
}
