package org.classbox.console.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.classbox.console.config.StoreConfig;

/**
 * Boxes, samples and parked messages in an H2 file. One connection, used only from the single {@code console-store}
 * worker thread, so statements never interleave. Writes go through {@link #transaction}, which forces the file to
 * the device after each commit. Every method returns a Future completed on the caller's context.
 */
public final class BoxStore {
    /** The file H2 keeps everything in, inside {@link StoreConfig#dataDir()}. */
    public static final String FILE_NAME = "console.mv.db";
    private static final String BOX_COLUMNS = "group_id, box_id, online, last_seen, bd_seq, epoch, power, input,"
            + " lamp_hours, error, reachable";

    private final Vertx vertx;
    private final StoreConfig config;
    private WorkerExecutor worker;
    private Connection connection;
    private FileChannel syncChannel;

    public BoxStore(Vertx vertx, StoreConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("console-store", 1);
        return blocking("open the store in " + config.dataDir(), () -> {
            Files.createDirectories(config.dataDir());
            connection = DriverManager.getConnection(jdbcUrl(config.dataDir()), "console", "");
            requireCurrentSchema();
            try (Statement statement = connection.createStatement()) {
                for (String sql : schema().split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            // fsync applies to the file, whichever descriptor asks: a read-only channel of our own forces what H2
            // wrote through its own.
            syncChannel = FileChannel.open(config.dataDir().resolve(FILE_NAME), StandardOpenOption.READ);
            return null;
        });
    }

    public Future<Void> stop() {
        if (worker == null) {
            return Future.succeededFuture();
        }
        Future<Void> closed = blocking("close the store", () -> {
            if (syncChannel != null) {
                syncChannel.close();
            }
            if (connection != null) {
                connection.close();
            }
            return null;
        });
        WorkerExecutor closing = worker;
        worker = null;
        return closed.eventually(closing::close);
    }

    /** The JDBC URL of the store in {@code dataDir}, for tools that read it while no console runs. */
    public static String jdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("console") + ";WRITE_DELAY=0";
    }

    /**
     * Runs {@code work} in one transaction, commits it and forces the H2 file to the device before the future
     * completes: what the future reports survives a power cut. If anything fails the transaction is rolled back
     * and the future fails with a {@link StoreException} naming {@code what}.
     */
    public <T> Future<T> transaction(String what, Transaction<T> work) {
        return blocking(what, () -> {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(new BoxWrites(connection));
                connection.commit();
                force();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    /** Runs read-only {@code work} on the store's worker, without a transaction of its own or a forced write. */
    public <T> Future<T> read(String what, Transaction<T> work) {
        return blocking(what, () -> work.apply(new BoxWrites(connection)));
    }

    public Future<List<BoxView>> boxes(long now) {
        return blocking("list boxes", () -> {
            List<BoxView> boxes = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + BOX_COLUMNS
                    + " FROM boxes ORDER BY group_id, box_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boxes.add(box(rs, now));
                }
            }
            return boxes;
        });
    }

    /** Every box with this id, in any group (usually one). */
    public Future<List<BoxView>> boxesWithId(String boxId, long now) {
        return blocking("read box " + boxId, () -> {
            List<BoxView> boxes = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + BOX_COLUMNS
                    + " FROM boxes WHERE box_id = ? ORDER BY group_id")) {
                ps.setString(1, boxId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boxes.add(box(rs, now));
                    }
                }
            }
            return boxes;
        });
    }

    /** The box's newest samples first. */
    public Future<List<Sample>> samples(BoxKey box, int limit) {
        return blocking("read samples of " + box, () -> {
            List<Sample> samples = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT epoch, record_id, metric, taken_at, val,"
                    + " historical, device FROM samples WHERE group_id = ? AND box_id = ?"
                    + " ORDER BY taken_at DESC, record_id DESC, metric LIMIT ?")) {
                ps.setString(1, box.groupId());
                ps.setString(2, box.boxId());
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        samples.add(new Sample(box, rs.getString(7), rs.getLong(1), rs.getLong(2), rs.getString(3),
                                rs.getLong(4), rs.getString(5), rs.getBoolean(6)));
                    }
                }
            }
            return samples;
        });
    }

    /**
     * A lesson's events in the order the box journaled them: by record id within a journal epoch (the box's clock may
     * jump, its record ids do not), epochs (random numbers) by their first event's time.
     */
    public Future<List<LessonEvent>> lessonEvents(BoxKey box, String lessonId, int limit) {
        return blocking("read events of lesson " + lessonId + " of " + box, () -> {
            List<LessonEvent> events = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT epoch, record_id, kind, media_time, text,"
                    + " count, picture, taken_at, historical FROM lesson_events e WHERE group_id = ? AND box_id = ?"
                    + " AND lesson_id = ? ORDER BY (SELECT MIN(f.taken_at) FROM lesson_events f WHERE"
                    + " f.group_id = e.group_id AND f.box_id = e.box_id AND f.epoch = e.epoch), epoch, record_id"
                    + " LIMIT ?")) {
                ps.setString(1, box.groupId());
                ps.setString(2, box.boxId());
                ps.setString(3, lessonId);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(new LessonEvent(box, rs.getLong(1), rs.getLong(2), lessonId, rs.getString(3),
                                rs.getObject(4, Double.class), rs.getString(5), rs.getObject(6, Long.class),
                                rs.getBytes(7), rs.getLong(8), rs.getBoolean(9)));
                    }
                }
            }
            return events;
        });
    }

    /** Every saved birth, node births first, so a fresh alias book can learn them at start. */
    public Future<List<SavedBirth>> births() {
        return blocking("read saved births", () -> {
            List<SavedBirth> births = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT topic, payload FROM births"
                    + " ORDER BY group_id, box_id, device_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    births.add(new SavedBirth(rs.getString(1), rs.getBytes(2)));
                }
            }
            return births;
        });
    }

    /** Messages parked for boxes not yet born, all boxes together. */
    public Future<Long> parkedCount() {
        return blocking("count parked messages", () -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM parked");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private void force() throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
        syncChannel.force(false);
    }

    /** Schema 1 keyed boxes by box id alone; its rows cannot be given a group after the fact. */
    private void requireCurrentSchema() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME = 'SAMPLES' AND COLUMN_NAME IN ('BOX_ID', 'GROUP_ID')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getInt(1) == 1) {
                throw new SQLException("the store in " + config.dataDir().toAbsolutePath() + " was written by an"
                        + " older console (schema 1, boxes without groups); move it aside to start a new one");
            }
        }
    }

    private BoxView box(ResultSet rs, long now) throws SQLException {
        long lastSeen = rs.getLong(4);
        boolean online = rs.getBoolean(3) && now - lastSeen <= config.offlineAfterSeconds() * 1000L;
        return new BoxView(new BoxKey(rs.getString(1), rs.getString(2)), online, lastSeen, nullableLong(rs, 5),
                nullableLong(rs, 6), new ProjectorView(rs.getString(7), rs.getString(8), nullableLong(rs, 9),
                rs.getString(10), (Boolean) rs.getObject(11)));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static String schema() throws IOException {
        try (InputStream in = BoxStore.class.getResourceAsStream("/sql/schema-h2.sql")) {
            if (in == null) {
                throw new IOException("schema resource /sql/schema-h2.sql missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replaceAll("(?m)^--.*$", "");
        }
    }

    private <T> Future<T> blocking(String what, Callable<T> work) {
        if (worker == null) {
            return Future.failedFuture(new StoreException("cannot " + what + ": the store in " + config.dataDir()
                    + " is closed", null));
        }
        return worker.executeBlocking(() -> {
            try {
                return work.call();
            } catch (SQLException | IOException e) {
                throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
            }
        }, true);
    }

    /** The work of one transaction. */
    @FunctionalInterface
    public interface Transaction<T> {
        T apply(BoxWrites writes) throws SQLException;
    }
}
