package org.classbox.bench;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.agent.journal.RecordClass;

/**
 * One restart, in a JVM of its own with the agent's 128 MB heap, so that class loading, H2's open and a cold page
 * cache count as they do when a box comes back from a power cut. Prints one line {@code probe: ...} of milliseconds
 * that {@link RestartBench} reads.
 * <ul>
 *   <li>{@code journal DIR all|urgent}: starts the journal and reads as the forwarder does after a restart (the live
 *       range, empty, then the backlog in batches of 200, each removed before the next, as if acknowledged)</li>
 *   <li>{@code old DIR}: the query the journal used before, on the same file, cold then warm (reference)</li>
 * </ul>
 */
final class RestartProbe {
    static final int BATCH = 200;
    static final int READ = 10_000;
    private static final String OLD_QUERY = "SELECT id, record_class, stream, taken_at, body FROM records"
            + " WHERE id > ? AND id <= ? AND record_class = ANY(?) ORDER BY id LIMIT ?";

    private RestartProbe() {
    }

    public static void main(String[] args) throws Exception {
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElseThrow();
        Path dir = Path.of(args[1]);
        if (args[0].equals("old")) {
            old(dir);
        } else {
            journal(jvmStart, dir, args[2].equals("all") ? EnumSet.allOf(RecordClass.class)
                    : EnumSet.of(RecordClass.ALARM, RecordClass.EVENT));
        }
        System.exit(0);
    }

    private static void journal(Instant jvmStart, Path dir, Set<RecordClass> classes) throws Exception {
        Vertx vertx = Vertx.vertx();
        long begin = System.nanoTime();
        Journal journal = new Journal(vertx, JournalConfig.defaults(dir));
        journal.start().await(60, TimeUnit.SECONDS);
        long started = System.nanoTime();
        long liveFrom = journal.lastId().await(10, TimeUnit.SECONDS);
        journal.readRange(liveFrom, Long.MAX_VALUE, BATCH, classes).await(60, TimeUnit.SECONDS);
        List<JournalRecord> batch = journal.readRange(0, liveFrom, BATCH, classes).await(60, TimeUnit.SECONDS);
        long first = System.nanoTime();
        Instant firstAt = Instant.now();
        int read = 0;
        long sent = 0;
        while (!batch.isEmpty() && read < READ) {
            read += batch.size();
            sent = batch.get(batch.size() - 1).id();
            journal.remove(batch.stream().map(JournalRecord::id).toList()).await(60, TimeUnit.SECONDS);
            batch = journal.readRange(sent, liveFrom, BATCH, classes).await(60, TimeUnit.SECONDS);
        }
        long done = System.nanoTime();
        long size = journal.size();
        journal.stop().await(60, TimeUnit.SECONDS);
        vertx.close().await(30, TimeUnit.SECONDS);
        System.out.printf("probe: start=%d first=%d fromJvm=%d read=%d readMs=%d size=%d%n",
                (started - begin) / 1_000_000, (first - begin) / 1_000_000,
                Duration.between(jvmStart, firstAt).toMillis(), read, (done - first) / 1_000_000, size);
    }

    private static void old(Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("journal") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection connection = DriverManager.getConnection(url, "agent", "")) {
            // Each with other parameters: H2 hands back its last result for a repeated query on an unchanged table.
            long cold = time(connection, 0, EnumSet.allOf(RecordClass.class));
            long warm = time(connection, 1, EnumSet.allOf(RecordClass.class));
            long urgent = time(connection, 2, EnumSet.of(RecordClass.ALARM, RecordClass.EVENT));
            System.out.printf("probe: cold=%d warm=%d urgent=%d%n", cold, warm, urgent);
        }
    }

    private static long time(Connection connection, long afterId, Set<RecordClass> classes) throws Exception {
        long begin = System.nanoTime();
        try (PreparedStatement ps = connection.prepareStatement(OLD_QUERY)) {
            ps.setLong(1, afterId);
            ps.setLong(2, Long.MAX_VALUE);
            ps.setObject(3, classes.stream().map(c -> (byte) c.ordinal()).toArray());
            ps.setInt(4, BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getBytes(5);
                }
            }
        }
        return (System.nanoTime() - begin) / 1_000_000;
    }
}
