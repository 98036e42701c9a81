package org.classbox.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.classbox.agent.lessons.buffer.SegmentStore;
import org.classbox.agent.lessons.storage.LessonDatabase;

/**
 * Where the lesson buffer keeps segments: as files beside an H2 index row ({@link SegmentStore}, the agent's choice),
 * or as BLOBs in the lessons H2 file, both written and read through the one {@code lessons-db} worker as the agent
 * does. Segments of one second of a 1.5 Mbit/s stream (~190 kB), a lesson's worth written in order, then read back
 * in random order (the classroom's players and the repair reading at once), alternating stores in three rounds.
 */
final class LessonStorageBench {
    private static final int SEGMENT_BYTES = 1_500_000 / 8;
    private final int segments;

    LessonStorageBench(boolean quick) {
        this.segments = quick ? 300 : 2700;
    }

    void run() throws Exception {
        Path root = Files.createTempDirectory("classbox-bench-lessons");
        Vertx vertx = Vertx.vertx();
        byte[] body = new byte[SEGMENT_BYTES];
        new Random(8).nextBytes(body);
        double[] h2 = {0, 0, 0, 0};
        double[] files = {0, 0, 0, 0};
        try {
            for (int round = 0; round < 3; round++) {
                add(h2, h2Round(vertx, root.resolve("h2-" + round), body));
                add(files, filesRound(vertx, root.resolve("files-" + round), body));
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
            deleteTree(root);
        }
        double mb = 3.0 * segments * SEGMENT_BYTES / 1e6;
        System.out.printf("%-28s %12s %12s %16s %14s%n", segments + " segments x 3 rounds", "write MB/s",
                "read MB/s", "written/stored", "on disk/stored");
        System.out.printf("%-28s %12.1f %12.1f %16.2f %14.2f%n", "H2 BLOB (segment_blob)", mb / h2[0], mb / h2[1],
                h2[2] / 1e6 / mb, h2[3] / 1e6 / mb);
        System.out.printf("%-28s %12.1f %12.1f %16.2f %14.2f%n", "files beside an H2 index", mb / files[0],
                mb / files[1], files[2] / 1e6 / mb, files[3] / 1e6 / mb);
        System.out.printf("lessons-storage: files beside an H2 index (the agent's choice) write %.2fx and read %.2fx"
                + " as fast as H2 BLOBs (target >= 1.0)%n", h2[0] / files[0], h2[1] / files[1]);
    }

    private static void add(double[] total, double[] round) {
        for (int i = 0; i < total.length; i++) {
            total[i] += round[i];
        }
    }

    /** Bytes this process caused to be written to storage so far ({@code write_bytes} of /proc/self/io). */
    private static long writeBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
            if (line.startsWith("write_bytes:")) {
                return Long.parseLong(line.substring(12).strip());
            }
        }
        return 0;
    }

    private static long sizeOnDisk(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            long total = 0;
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }

    /** Each segment a BLOB in its index row: the alternative the agent did not choose. */
    private double[] h2Round(Vertx vertx, Path dir, byte[] body) throws Exception {
        LessonDatabase db = new LessonDatabase(vertx, dir);
        await(db.start());
        await(db.schema("CREATE TABLE IF NOT EXISTS segment_blob (lesson VARCHAR(48) NOT NULL, seq BIGINT NOT NULL,"
                + " bytes BLOB NOT NULL, PRIMARY KEY (lesson, seq))"));
        long written = writeBytes();
        long begin = System.nanoTime();
        for (int seq = 0; seq < segments; seq++) {
            int s = seq;
            await(db.call(c -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO segment_blob VALUES (?, ?, ?)")) {
                    p.setString(1, "bench");
                    p.setLong(2, s);
                    p.setBytes(3, body);
                    p.executeUpdate();
                }
                return null;
            }));
        }
        double write = (System.nanoTime() - begin) / 1e9;
        begin = System.nanoTime();
        for (int seq : shuffled()) {
            int s = seq;
            byte[] read = await(db.call(c -> {
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT bytes FROM segment_blob WHERE lesson = ? AND seq = ?")) {
                    p.setString(1, "bench");
                    p.setLong(2, s);
                    try (ResultSet r = p.executeQuery()) {
                        return r.next() ? r.getBytes(1) : null;
                    }
                }
            }));
            check(read, body, seq);
        }
        double read = (System.nanoTime() - begin) / 1e9;
        await(db.stop());
        return new double[] {write, read, writeBytes() - written, sizeOnDisk(dir)};
    }

    /** The agent's {@link SegmentStore}: files beside an H2 index row. */
    private double[] filesRound(Vertx vertx, Path dir, byte[] body) throws Exception {
        LessonDatabase db = new LessonDatabase(vertx, dir);
        await(db.start());
        SegmentStore store = new SegmentStore(db);
        await(store.start());
        long written = writeBytes();
        long begin = System.nanoTime();
        for (int seq = 0; seq < segments; seq++) {
            await(store.put("bench", seq, 1, 1.0, seq, seq, body));
        }
        double write = (System.nanoTime() - begin) / 1e9;
        begin = System.nanoTime();
        for (int seq : shuffled()) {
            check(await(store.read("bench", seq)), body, seq);
        }
        double read = (System.nanoTime() - begin) / 1e9;
        await(db.stop());
        return new double[] {write, read, writeBytes() - written, sizeOnDisk(dir)};
    }

    private static void check(byte[] read, byte[] body, int seq) {
        if (read == null || read.length != body.length) {
            throw new IllegalStateException("segment " + seq + " read back short");
        }
    }

    private List<Integer> shuffled() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < segments; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(42));
        return order;
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get();
    }

    static void deleteTree(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
