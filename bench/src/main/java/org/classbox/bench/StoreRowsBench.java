package org.classbox.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.console.config.DatabaseLogin;
import org.classbox.console.config.StoreConfig;
import org.classbox.console.sparkplug.SparkplugIngest;
import org.classbox.console.store.BoxStore;
import org.classbox.sparkplug.AliasBook;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;

/**
 * History rows per second through the console's own ingest path, on its two stores: {@link SparkplugIngest}'s group
 * commit into {@link BoxStore} on the H2 file (in the temporary directory) and on the local PostgreSQL server (a
 * database of the benchmark's own, dropped after; {@code CLASSBOX_BENCH_PG_URL}, user and password {@code classbox}
 * as the tests' server). 100 boxes drain their journals: DDATA of the terminal and host, 10 records of 3 metrics
 * each, at most 256 unacknowledged at a time (the console's Receive Maximum), each acknowledged once committed and
 * durable. Both stores in one run, the same messages, alternating in three rounds.
 */
final class StoreRowsBench {
    private static final int BOXES = 100;
    private static final int RECORDS_PER_MESSAGE = 10;
    private static final int IN_FLIGHT = 256;
    private static final String PG_URL = System.getenv().getOrDefault("CLASSBOX_BENCH_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/classbox_test");

    private final int messages;

    StoreRowsBench(boolean quick) {
        this.messages = quick ? 1_000 : 6_000;
    }

    void run() throws Exception {
        List<String> topics = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        workload(topics, payloads);
        long rows = 0;
        double h2Seconds = 0;
        double pgSeconds = 0;
        Vertx vertx = Vertx.vertx();
        try {
            for (int round = 0; round < 3; round++) {
                Path dir = Files.createTempDirectory("classbox-bench-store");
                double[] h2 = ingest(vertx, new StoreConfig(dir, 86_400), topics, payloads);
                LessonStorageBench.deleteTree(dir);
                String database = "classbox_bench_" + ProcessHandle.current().pid() + "_" + round;
                admin("CREATE DATABASE " + database);
                try {
                    double[] pg = ingest(vertx, new StoreConfig(dir, 86_400, PG_URL.replaceFirst("/[^/?]+(\\?.*)?$",
                            "/" + database + "$1"), new DatabaseLogin("classbox", "classbox", null), 2),
                            topics, payloads);
                    pgSeconds += pg[1];
                    if (pg[0] != h2[0]) {
                        throw new IllegalStateException("PostgreSQL stored " + pg[0] + " rows, H2 " + h2[0]);
                    }
                } finally {
                    admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
                rows += (long) h2[0];
                h2Seconds += h2[1];
            }
        } finally {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
        double h2Rate = rows / h2Seconds;
        double pgRate = rows / pgSeconds;
        System.out.printf("%d messages x 3 rounds, %d history rows a round, %d boxes, %d unacknowledged at most%n",
                messages, rows / 3, BOXES, IN_FLIGHT);
        System.out.printf("store rows: H2 %.0f/s, PostgreSQL %.0f/s (ratio %.2f)%n", h2Rate, pgRate, pgRate / h2Rate);
    }

    /** Births of every box, then DDATA round-robin over the boxes, each record with a new record id. */
    private void workload(List<String> topics, List<byte[]> payloads) {
        long t = System.currentTimeMillis() - 86_400_000L;
        for (int b = 0; b < BOXES; b++) {
            topics.add("spBv1.0/bench/NBIRTH/box-" + b);
            payloads.add(PayloadCodec.encode(new Payload(t, 0L, List.of(
                    Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t),
                    Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 1000L + b, t)))));
        }
        for (int m = 0; m < messages; m++) {
            int box = m % BOXES;
            String device = m % 2 == 0 ? "terminal" : "host";
            List<Metric> metrics = new ArrayList<>();
            for (int r = 0; r < RECORDS_PER_MESSAGE; r++) {
                long id = (long) (m / BOXES) * RECORDS_PER_MESSAGE + r + 1;
                long at = t + id * 1000L;
                metrics.add(Metric.of(Metrics.RECORD_ID, MetricType.UINT64, id, at).asHistorical());
                if (device.equals("terminal")) {
                    metrics.add(Metric.of("Link/RttMillis", MetricType.DOUBLE, 600.0 + id % 37, at).asHistorical());
                    metrics.add(Metric.of("Link/LossPercent", MetricType.DOUBLE, (id % 5) * 0.5, at).asHistorical());
                    metrics.add(Metric.of("Link/State", MetricType.STRING, id % 50 == 0 ? "DEGRADED" : "UP", at)
                            .asHistorical());
                } else {
                    metrics.add(Metric.of("Temperature/Cpu", MetricType.DOUBLE, 50.0 + id % 11, at).asHistorical());
                    metrics.add(Metric.of("Memory/UsedMb", MetricType.INT64, 900L + id % 97, at).asHistorical());
                    metrics.add(Metric.of("Disk/FreeMb", MetricType.INT64, 20_000L - id, at).asHistorical());
                }
            }
            topics.add("spBv1.0/bench/DDATA/box-" + box + "/" + device);
            payloads.add(PayloadCodec.encode(new Payload(t, (long) m % 256, metrics)));
        }
    }

    /** Feeds every message through a fresh ingest on a fresh store: {rows stored, seconds from first to last ack}. */
    private static double[] ingest(Vertx vertx, StoreConfig config, List<String> topics, List<byte[]> payloads)
            throws Exception {
        BoxStore store = new BoxStore(vertx, config);
        store.start().await(60, TimeUnit.SECONDS);
        try {
            Context context = vertx.getOrCreateContext();
            Promise<Double> done = Promise.promise();
            context.runOnContext(v -> {
                SparkplugIngest ingest = new SparkplugIngest(vertx, store, (group, box) -> { }, System::currentTimeMillis,
                        IN_FLIGHT, 1024 * 1024, new AliasBook());
                long begin = System.nanoTime();
                Feeder feeder = new Feeder(ingest, topics, payloads, () -> {
                    ingest.stop();
                    done.complete((System.nanoTime() - begin) / 1e9);
                });
                feeder.start();
            });
            double seconds = done.future().await(600, TimeUnit.SECONDS);
            long rows = store.read("count rows", w -> {
                try (Statement s = w.connection().createStatement();
                     var rs = s.executeQuery("SELECT COUNT(*) FROM samples")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }).await(60, TimeUnit.SECONDS);
            return new double[] {rows, seconds};
        } finally {
            store.stop().await(60, TimeUnit.SECONDS);
        }
    }

    /** Keeps {@link #IN_FLIGHT} messages unacknowledged, as the broker does, on the ingest's own context. */
    private static final class Feeder {
        private final SparkplugIngest ingest;
        private final List<String> topics;
        private final List<byte[]> payloads;
        private final Runnable finished;
        private int next;
        private int acknowledged;

        Feeder(SparkplugIngest ingest, List<String> topics, List<byte[]> payloads, Runnable finished) {
            this.ingest = ingest;
            this.topics = topics;
            this.payloads = payloads;
            this.finished = finished;
        }

        void start() {
            while (next < Math.min(IN_FLIGHT, topics.size())) {
                send();
            }
        }

        private void send() {
            int i = next++;
            Future<Void> stored = ingest.accept(topics.get(i), payloads.get(i));
            stored.onSuccess(v -> {
                acknowledged++;
                if (next < topics.size()) {
                    send();
                } else if (acknowledged == topics.size()) {
                    finished.run();
                }
            });
        }
    }

    /** Runs {@code sql} on the local server as {@code classbox} (which may create databases). */
    static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(PG_URL, "classbox", "classbox");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL + " (role classbox): " + e.getMessage()
                    + "; .ci/run installs and starts it", e);
        }
    }
}
