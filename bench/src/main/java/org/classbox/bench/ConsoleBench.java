package org.classbox.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.sim.fleet.FleetOptions;
import org.classbox.sim.fleet.FleetSimulator;
import org.classbox.sparkplug.HostState;

/**
 * {@code bench/run console}: the fleet console against the fleet simulator through Debian's mosquitto, side by side
 * with a bare subscriber counting the same messages (the limit): (a) 1,000 and 10,000 boxes at the agent's default
 * cadence, messages per second ingested, p99 from a box's publish to the console's stored state, CPU and memory of
 * the consumer's own process; (b) a birth storm, the broker killed and restarted under 10,000 boxes; (c) a backlog
 * return, 1,000 boxes draining a day each while the others report live. {@link ConsolePhases} holds the phases.
 */
final class ConsoleBench {
    static final String HOST_ID = "classbox-console";

    final boolean quick;
    final int[] sizes;
    final int warmupSeconds;
    final int windowSeconds;
    final int returning;
    final long historyMillis;
    final int drainSeconds;

    ConsoleBench(boolean quick) {
        this.quick = quick;
        this.sizes = quick ? new int[] {200, 1_000} : new int[] {1_000, 10_000};
        this.warmupSeconds = quick ? 15 : 45;
        this.windowSeconds = quick ? 20 : 60;
        this.returning = quick ? 100 : 1_000;
        this.historyMillis = quick ? 3_600_000L : 86_400_000L;
        this.drainSeconds = quick ? 30 : 120;
    }

    FleetOptions fleet(int port, int boxes) {
        return new FleetOptions(URI.create("tcp://127.0.0.1:" + port), boxes, 1, 2, 1, 1, FleetOptions.BY_COUNTY,
                "box-", HOST_ID, 1_000);
    }

    void run() throws Exception {
        Path root = Files.createTempDirectory("classbox-bench-console");
        Vertx vertx = Vertx.vertx();
        try (BenchMosquitto mosquitto = new BenchMosquitto(Files.createDirectories(root.resolve("mosquitto")),
                FreePort.tcp())) {
            ConsolePhases phases = new ConsolePhases(this, vertx, mosquitto, root, new ProcessMeter());
            double p99;
            try {
                p99 = measure(phases);
            } finally {
                phases.close();
            }
            new ClusterPhase(this, vertx, mosquitto, root).run(sizes[sizes.length - 1]);
            System.out.println("history rows per second through the console's ingest, H2 and PostgreSQL side by"
                    + " side (target: PostgreSQL at least H2's):");
            new StoreRowsBench(quick).run();
            System.out.printf("console: %.2f s p99 at %,d boxes (target 2 s)%n", p99, sizes[sizes.length - 1]);
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
            try (var files = Files.walk(root)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {@code bench/run console-cluster}: the two-instance phase alone, at the largest size (~10 min in full). */
    void cluster() throws Exception {
        Path root = Files.createTempDirectory("classbox-bench-cluster");
        Vertx vertx = Vertx.vertx();
        try (BenchMosquitto mosquitto = new BenchMosquitto(Files.createDirectories(root.resolve("mosquitto")),
                FreePort.tcp())) {
            new ClusterPhase(this, vertx, mosquitto, root).run(sizes[sizes.length - 1]);
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
            LessonStorageBench.deleteTree(root);
        }
    }

    /** {@code bench/run console-storm}: the console at the largest size, then the birth storm alone (~8 min). */
    void storm() throws Exception {
        Path root = Files.createTempDirectory("classbox-bench-storm");
        Vertx vertx = Vertx.vertx();
        try (BenchMosquitto mosquitto = new BenchMosquitto(Files.createDirectories(root.resolve("mosquitto")),
                FreePort.tcp())) {
            ConsolePhases phases = new ConsolePhases(this, vertx, mosquitto, root, new ProcessMeter());
            try {
                int most = sizes[sizes.length - 1];
                phases.console(most, true);
                phases.birthStorm(most);
            } finally {
                phases.close();
            }
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
            LessonStorageBench.deleteTree(root);
        }
    }

    /** The single console's phases; returns its p99 in seconds at the largest size. */
    private double measure(ConsolePhases phases) throws Exception {
        System.out.printf("fleet at the agent's default cadence (projector 5 s, terminal 10 s, host 30 s polls by"
                + " exception; lesson figures a minute), 2 outages and 1 fault per box-day; %d s warm-up, %d s"
                + " window%n", warmupSeconds, windowSeconds);
        System.out.printf("%-16s %7s %12s %13s %9s %7s %8s%n", "consumer", "boxes", "offered/s", "ingested/s",
                "p99 ms", "CPU %", "RSS MB");
        double[] bare = null;
        double[] console = null;
        for (int n : sizes) {
            bare = phases.bare(n);
            console = phases.console(n, n == sizes[sizes.length - 1]);
        }
        int most = sizes[sizes.length - 1];
        System.out.printf("console / bare at %,d boxes: ingested %.2fx, p99 %.1fx, CPU %.1fx, RSS %.1fx%n", most,
                console[1] / bare[1], console[2] / Math.max(1, bare[2]), console[3] / Math.max(0.1, bare[3]),
                console[4] / bare[4]);
        phases.birthStorm(most);
        phases.backlogReturn(most, "H2");
        return console[2] / 1000.0;
    }

    /** Publishes the primary host's STATE retained, so boxes send data to a bare subscriber as to a console. */
    static void hostState(Vertx vertx, int port, boolean online) throws Exception {
        MqttClient client = MqttClient.create(vertx);
        client.connect(port, "127.0.0.1").await(10, TimeUnit.SECONDS);
        client.publish("spBv1.0/STATE/" + HOST_ID, Buffer.buffer(new HostState(online, System.currentTimeMillis())
                .encode()), MqttQoS.AT_LEAST_ONCE, false, true).await(10, TimeUnit.SECONDS);
        client.disconnect().await(10, TimeUnit.SECONDS);
    }

    /**
     * Drops the console's persistent session at the broker (a clean-session connect with its client id): a console
     * started for the next size must not inherit the messages the broker queued for the previous one meanwhile.
     */
    static void forgetConsoleSession(Vertx vertx, int port) throws Exception {
        MqttClient client = MqttClient.create(vertx, new io.vertx.mqtt.MqttClientOptions().setClientId(HOST_ID)
                .setCleanSession(true));
        client.connect(port, "127.0.0.1").await(10, TimeUnit.SECONDS);
        client.disconnect().await(10, TimeUnit.SECONDS);
    }

    static void stop(FleetSimulator fleet) throws Exception {
        fleet.stop().await(120, TimeUnit.SECONDS);
    }

    static <T> T await(Future<T> future, int seconds) throws Exception {
        return future.await(seconds, TimeUnit.SECONDS);
    }

    /** Free loopback ports. */
    static final class FreePort {
        private FreePort() {
        }

        static int tcp() throws java.io.IOException {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }
    }

    static List<String> none() {
        return List.of();
    }
}
