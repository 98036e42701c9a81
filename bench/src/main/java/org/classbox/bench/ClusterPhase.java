package org.classbox.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.classbox.sim.fleet.FleetSimulator;

/**
 * {@code twoInstances} of {@link ConsoleBench}: two console processes in a cluster ({@code cluster.enabled}) on one
 * fresh PostgreSQL database of the local server, sharing the simulated fleet (each county its own Sparkplug group)
 * through the bench's mosquitto. Counts the rebirths either asked for a sequence gap (target 0), then kills one with
 * SIGKILL and times until the survivor holds every shard and every box not in one of its own outages has reported
 * into the shared store since the kill (target 100 s: a lease of 20 s, then the queued messages drained).
 */
final class ClusterPhase {
    private static final String SERVER = System.getenv().getOrDefault("CLASSBOX_BENCH_PG_SERVER",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final int SHARDS = 16;

    private final ConsoleBench bench;
    private final Vertx vertx;
    private final BenchMosquitto mosquitto;
    private final Path root;

    ClusterPhase(ConsoleBench bench, Vertx vertx, BenchMosquitto mosquitto, Path root) {
        this.bench = bench;
        this.vertx = vertx;
        this.mosquitto = mosquitto;
        this.root = root;
    }

    void run(int boxes) throws Exception {
        String database = "classbox_bench_cluster_" + ProcessHandle.current().pid();
        StoreRowsBench.admin("CREATE DATABASE " + database);
        List<ConsoleProcess> consoles = new ArrayList<>();
        FleetSimulator fleet = null;
        try {
            ConsoleBench.forgetConsoleSession(vertx, mosquitto.port());
            for (String instance : List.of("a", "b")) {
                consoles.add(new ConsoleProcess(Files.createDirectories(root.resolve("cluster-" + instance)),
                        mosquitto.port(), ConsoleBench.FreePort.tcp(), List.of("--store.url=" + SERVER + database,
                        "--store.user=classbox", "--store.password=classbox", "--cluster.enabled=true",
                        "--cluster.instanceId=" + instance, "--cluster.shards=" + SHARDS)));
            }
            long begin = System.currentTimeMillis();
            fleet = ConsoleBench.await(FleetSimulator.start(vertx, bench.fleet(mosquitto.port(), boxes)), 600);
            FleetSimulator running = fleet;
            long allIn = until(begin, 600_000, () -> fresh(consoles.get(1), begin) >= awake(running));
            int[] owned = {shards(consoles.get(0)), shards(consoles.get(1))};
            System.out.printf("two instances sharing %,d boxes (%d groups, %d shards; PostgreSQL): %s, shards %d + %d"
                    + "%n", boxes, running.boxes().stream().map(b -> b.groupId()).distinct().count(), SHARDS,
                    allIn < 0 ? "NOT all reported within 600 s" : String.format("all reported in %.0f s",
                            allIn / 1000.0), owned[0], owned[1]);
            Thread.sleep(bench.windowSeconds * 1000L);
            long a = counter(consoles.get(0), "rebirthsForSeqGap");
            long b = counter(consoles.get(1), "rebirthsForSeqGap");
            System.out.printf("  rebirths for a sequence gap, both instances: %s (target 0)%n", a < 0 || b < 0
                    ? "? (an instance's API did not answer within 60 s: a " + a + ", b " + b + ")" : a + b);
            ConsoleProcess victim = consoles.get(0);
            ConsoleProcess survivor = consoles.get(1);
            long killed = System.currentTimeMillis();
            victim.kill();
            long back = until(killed, 300_000, () -> shards(survivor) == SHARDS
                    && fresh(survivor, killed) >= awake(running));
            System.out.printf("  instance a (%d shards) killed with SIGKILL: %s (target 100 s); rebirths for a"
                    + " sequence gap at the survivor %d (target 0)%n", owned[0], back < 0
                    ? "its share NOT all online at the survivor within 300 s" : String.format("all its share online"
                    + " at the survivor in %.1f s", back / 1000.0), counter(survivor, "rebirthsForSeqGap"));
        } finally {
            if (fleet != null) {
                ConsoleBench.stop(fleet);
            }
            for (ConsoleProcess c : consoles) {
                c.close();
            }
            StoreRowsBench.admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** Boxes not cut off by one of their own random outages: every one of them must be reporting. */
    private static long awake(FleetSimulator fleet) {
        return fleet.boxes().stream().filter(b -> !b.away()).count();
    }

    /** Boxes the shared store shows online and heard from since {@code since}, read through {@code console}. */
    private static int fresh(ConsoleProcess console, long since) {
        JsonArray boxes;
        try {
            boxes = console.boxes();
        } catch (Exception busy) {
            return 0;
        }
        int fresh = 0;
        for (Object o : boxes) {
            JsonObject box = (JsonObject) o;
            String seen = box.getString("lastSeen");
            if (box.getBoolean("online", false) && seen != null && Instant.parse(seen).toEpochMilli() >= since) {
                fresh++;
            }
        }
        return fresh;
    }

    private static int shards(ConsoleProcess console) {
        return (int) counter(console, "shardsOwned");
    }

    private static long counter(ConsoleProcess console, String name) {
        try {
            return console.ingest().getLong(name, -1L);
        } catch (Exception busy) {
            return -1;
        }
    }

    /** Milliseconds from {@code from} until {@code done} holds (polled every second), or -1 after {@code limit}. */
    private static long until(long from, long limit, Check done) throws Exception {
        while (System.currentTimeMillis() - from < limit) {
            if (done.holds()) {
                return System.currentTimeMillis() - from;
            }
            Thread.sleep(1_000);
        }
        return -1;
    }

    private interface Check {
        boolean holds() throws Exception;
    }
}
