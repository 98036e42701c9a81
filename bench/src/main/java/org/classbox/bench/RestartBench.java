package org.classbox.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;

/**
 * A box coming back with a week's backlog: a journal of 1 M records (health samples of ~150 bytes over 6 device
 * streams, one event in a hundred, one alarm in a thousand) is restarted in a fresh JVM with a cold page cache,
 * timed to its first batch and to 10,000 records read and removed in batches of 200, side by side with an empty
 * journal and one of 10,000 records; the query the journal used before is timed on the same file for reference.
 */
final class RestartBench {
    private static final String[] STREAMS = {"projector", "camera-front", "camera-back", "host", "link", "relay"};
    private static final int WAVE = 10_000;
    private final int records;

    RestartBench(boolean quick) {
        this.records = quick ? 100_000 : 1_000_000;
    }

    void run() throws Exception {
        Path root = Files.createTempDirectory("classbox-bench-restart");
        try {
            Path big = root.resolve("big");
            Path small = root.resolve("small");
            Path empty = root.resolve("empty");
            long begin = System.nanoTime();
            fill(big, records);
            System.out.printf("filled %,d records (health bodies of %d bytes) in %.1f s, %,d bytes on disk%n",
                    records, entry(0, System.currentTimeMillis()).body().length, (System.nanoTime() - begin) / 1e9,
                    Files.size(big.resolve("journal.mv.db")));
            fill(small, RestartProbe.READ);
            fill(empty, 0);
            String millions = records == 1_000_000 ? "1 M" : String.format("%.1f M", records / 1e6);
            System.out.printf("%-34s %9s %12s %16s %14s%n", "cold restart, 128 MB heap", "start()",
                    "first batch", "from JVM start", "10,000 read");
            probe("empty journal", empty, "all");
            Map<String, Long> smalls = probe("10,000 records", copy(small, root), "all");
            Map<String, Long> bigs = probe(millions + " records", copy(big, root), "all");
            probe(millions + " records, alarm+event only", copy(big, root), "urgent");
            System.out.printf("%-34s %8.1fx %11.1fx %15.1fx %13.1fx%n", "  " + millions + " / small",
                    ratio(bigs, smalls, "start"), ratio(bigs, smalls, "first"), ratio(bigs, smalls, "fromJvm"),
                    ratio(bigs, smalls, "readMs"));
            Map<String, Long> old = run("old", copy(big, root));
            System.out.printf("old query (record_class = ANY(?)), %s records: %d ms cold, %d ms warm,"
                    + " alarm+event %d ms%n", millions, old.get("cold"), old.get("warm"), old.get("urgent"));
            System.out.printf("restart: %.2f s to the first batch with %s records (target 2)%n",
                    bigs.get("first") / 1000.0, millions);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Map<String, Long> probe(String name, Path dir, String classes) throws Exception {
        Map<String, Long> result = run("journal", dir, classes);
        System.out.printf("%-34s %7d ms %9d ms %13d ms %11d ms  (%,d read, %,d left)%n", name, result.get("start"),
                result.get("first"), result.get("fromJvm"), result.get("readMs"), result.get("read"),
                result.get("size"));
        return result;
    }

    /** Runs a {@link RestartProbe} on {@code dir} after evicting the journal file from the page cache. */
    private static Map<String, Long> run(String mode, Path dir, String... more) throws Exception {
        Path file = dir.resolve("journal.mv.db");
        // sync first: dd's nocache only drops clean pages.
        exec(List.of("sync", file.toString()));
        exec(List.of("dd", "if=" + file, "iflag=nocache", "count=0", "status=none"));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-Dlogback.configurationFile=logback-bench.xml", "-cp",
                System.getProperty("java.class.path"), RestartProbe.class.getName(), mode, dir.toString()));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String next; (next = out.readLine()) != null; ) {
                line = next.startsWith("probe: ") ? next : line;
            }
        }
        if (process.waitFor() != 0 || line == null) {
            throw new IllegalStateException("restart probe " + command + " failed with exit " + process.exitValue());
        }
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.substring("probe: ".length()).split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        return values;
    }

    private static void exec(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed with exit " + process.exitValue());
        }
    }

    private static Path copy(Path journal, Path root) throws Exception {
        Path copy = Files.createTempDirectory(root, journal.getFileName() + "-copy");
        Files.copy(journal.resolve("journal.mv.db"), copy.resolve("journal.mv.db"));
        return copy;
    }

    private static double ratio(Map<String, Long> a, Map<String, Long> b, String key) {
        return a.get(key) / (double) Math.max(1, b.get(key));
    }

    /**
     * Appends the first {@value #WAVE} records through the journal itself, then copies them with bulk SQL (ids,
     * times and classes continued) up to {@code count}: 1 M appends one by one would take minutes here. The journal
     * is then started once more and sums the stored bytes itself, as it does for a file it has no count for.
     */
    private static void fill(Path dir, int count) throws Exception {
        append(dir, Math.min(count, WAVE), count);
        if (count <= WAVE) {
            return;
        }
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("journal") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection connection = DriverManager.getConnection(url, "agent", "")) {
            connection.setAutoCommit(false);
            long shift = TimeUnit.DAYS.toMillis(3) * WAVE / count;
            for (int from = 1; from < count / WAVE; from += 10) {
                try (PreparedStatement ps = connection.prepareStatement("INSERT INTO records(id, record_class,"
                        + " stream, taken_at, body) SELECT r.id + k.x * " + WAVE + ", r.record_class, r.stream,"
                        + " r.taken_at + k.x * " + shift + ", r.body FROM records r, SYSTEM_RANGE(?, ?) k"
                        + " WHERE r.id <= " + WAVE)) {
                    ps.setInt(1, from);
                    ps.setInt(2, Math.min(from + 9, count / WAVE - 1));
                    ps.executeUpdate();
                }
                connection.commit();
            }
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("UPDATE meta SET val = " + count + " WHERE name = 'lastId'");
                // The journal keeps its count of bytes under this name; without it, the next start sums them.
                s.executeUpdate("DELETE FROM meta WHERE name = 'storedBytes'");
            }
            connection.commit();
        }
        append(dir, 0, count);
    }

    private static void append(Path dir, int appends, int count) throws Exception {
        Vertx vertx = Vertx.vertx();
        JournalConfig d = JournalConfig.defaults(dir);
        Journal journal = new Journal(vertx, new JournalConfig(dir, WAVE, JournalConfig.SyncPolicy.NONE,
                d.budgetMegabytes(), d.alarmTtlHours(), d.eventTtlHours(), d.healthTtlHours(), d.bulkTtlSeconds(),
                d.healthKeepEvery()));
        journal.start().await(30, TimeUnit.SECONDS);
        // Three days of samples: old enough to be a backlog, young enough that none has expired.
        long span = TimeUnit.DAYS.toMillis(3);
        long first = System.currentTimeMillis() - span;
        List<Future<Long>> wave = new ArrayList<>(WAVE);
        for (int i = 0; i < appends; i++) {
            long t = first + span * i / count;
            wave.add(journal.append(entry(i, t)));
            if (wave.size() == WAVE) {
                Future.all(wave).await(120, TimeUnit.SECONDS);
                wave.clear();
            }
        }
        Future.all(wave).await(120, TimeUnit.SECONDS);
        journal.stop().await(60, TimeUnit.SECONDS);
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    private static JournalEntry entry(int i, long t) {
        String stream = STREAMS[i % STREAMS.length];
        if (i % 1000 == 999) {
            return new JournalEntry(RecordClass.ALARM, stream, t, PayloadCodec.encode(new Payload(t, null,
                    List.of(Metric.of("Error", MetricType.STRING, "lamp failure", t)))));
        }
        if (i % 100 == 99) {
            return new JournalEntry(RecordClass.EVENT, stream, t, PayloadCodec.encode(new Payload(t, null,
                    List.of(Metric.of("Input", MetricType.STRING, "HDMI" + (i % 3 + 1), t)))));
        }
        List<Metric> metrics = new ArrayList<>(6);
        metrics.add(Metric.of("Temperature", MetricType.DOUBLE, 40.0 + (i % 97) / 10.0, t));
        metrics.add(Metric.of("Uptime", MetricType.INT64, (long) i * 5, t));
        metrics.add(Metric.of("Lamp/Hours", MetricType.INT64, 1200L + i / 720, t));
        metrics.add(Metric.of("Fan/Rpm", MetricType.INT64, 1800L + i % 53, t));
        metrics.add(Metric.of("Power", MetricType.STRING, "on", t));
        metrics.add(Metric.of("Input", MetricType.STRING, "HDMI1", t));
        return new JournalEntry(RecordClass.HEALTH, stream, t, PayloadCodec.encode(new Payload(t, null, metrics)));
    }
}
