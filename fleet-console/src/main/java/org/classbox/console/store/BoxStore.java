package org.classbox.console.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.classbox.console.config.StoreConfig;

/**
 * Boxes and samples in an H2 file. One connection, used only from the single {@code console-store} worker thread,
 * so statements never interleave. Every method returns a Future completed on the caller's context.
 */
public final class BoxStore {
    private static final String BOX_COLUMNS = "box_id, group_id, online, last_seen, bd_seq, epoch, power, input,"
            + " lamp_hours, error, reachable";

    private final Vertx vertx;
    private final StoreConfig config;
    private WorkerExecutor worker;
    private Connection connection;

    public BoxStore(Vertx vertx, StoreConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("console-store", 1);
        return blocking("open the store in " + config.dataDir(), () -> {
            Files.createDirectories(config.dataDir());
            connection = DriverManager.getConnection("jdbc:h2:file:" + config.dataDir().toAbsolutePath()
                    .resolve("console") + ";WRITE_DELAY=0", "console", "");
            try (Statement statement = connection.createStatement()) {
                for (String sql : schema().split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            return null;
        });
    }

    public Future<Void> stop() {
        if (worker == null) {
            return Future.succeededFuture();
        }
        Future<Void> closed = blocking("close the store", () -> {
            if (connection != null) {
                connection.close();
            }
            return null;
        });
        return closed.eventually(() -> worker.close());
    }

    /** A box was born: online, with the bdSeq its NDEATH will carry and the epoch of its journal. */
    public Future<Void> boxBorn(String groupId, String boxId, long bdSeq, Long epoch, long now) {
        return blocking("record the birth of " + boxId, () -> {
            // A new journal epoch restarts record ids: forget the order of the old one.
            try (PreparedStatement reset = connection.prepareStatement("UPDATE boxes SET power_at = NULL,"
                    + " input_at = NULL, lamp_hours_at = NULL, error_at = NULL, reachable_at = NULL"
                    + " WHERE box_id = ? AND (epoch IS NULL OR epoch <> ?)")) {
                reset.setString(1, boxId);
                setLong(reset, 2, epoch);
                reset.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement("MERGE INTO boxes(box_id, group_id, online,"
                    + " bd_seq, epoch, last_seen) KEY(box_id) VALUES(?, ?, TRUE, ?, ?, ?)")) {
                ps.setString(1, boxId);
                ps.setString(2, groupId);
                ps.setLong(3, bdSeq);
                setLong(ps, 4, epoch);
                ps.setLong(5, now);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * A box died. Applied only if {@code bdSeq} is the one of its current birth: a late NDEATH of an older session
     * must not mark a box offline that has already come back. Returns whether it was applied.
     */
    public Future<Boolean> boxDied(String boxId, long bdSeq, long now) {
        return blocking("record the death of " + boxId, () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE boxes SET online = FALSE, last_seen = ? WHERE box_id = ? AND bd_seq = ?")) {
                ps.setLong(1, now);
                ps.setString(2, boxId);
                ps.setLong(3, bdSeq);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Something was heard from the box. */
    public Future<Void> touch(String boxId, long now) {
        return blocking("update last seen of " + boxId, () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE boxes SET last_seen = GREATEST(last_seen, ?) WHERE box_id = ?")) {
                ps.setLong(1, now);
                ps.setString(2, boxId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Applies projector values to the box's latest state, each only if it is no older (by record id) than the value
     * it replaces, so a late historical sample never hides a newer one.
     */
    public Future<Void> updateProjector(String boxId, List<FieldValue> values) {
        return blocking("update the projector of " + boxId, () -> {
            for (FieldValue value : values) {
                String column = value.field().column();
                String sql = "UPDATE boxes SET " + column + " = ?, " + column + "_at = ? WHERE box_id = ? AND ("
                        + column + "_at IS NULL OR " + column + "_at <= ?)";
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    value.field().bind(ps, 1, value.value());
                    ps.setLong(2, value.order());
                    ps.setString(3, boxId);
                    ps.setLong(4, value.order());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Stores samples; a sample already stored (same box, epoch, record and metric) is left as it is. */
    public Future<Integer> addSamples(List<Sample> samples) {
        if (samples.isEmpty()) {
            return Future.succeededFuture(0);
        }
        return blocking("store " + samples.size() + " samples of " + samples.get(0).boxId(), () -> {
            int added = 0;
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO samples(box_id, epoch, record_id,"
                    + " metric, taken_at, val, historical) SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM"
                    + " samples WHERE box_id = ? AND epoch = ? AND record_id = ? AND metric = ?)")) {
                for (Sample s : samples) {
                    ps.setString(1, s.boxId());
                    ps.setLong(2, s.epoch());
                    ps.setLong(3, s.recordId());
                    ps.setString(4, s.metric());
                    ps.setLong(5, s.takenAt());
                    ps.setString(6, s.value());
                    ps.setBoolean(7, s.historical());
                    ps.setString(8, s.boxId());
                    ps.setLong(9, s.epoch());
                    ps.setLong(10, s.recordId());
                    ps.setString(11, s.metric());
                    added += ps.executeUpdate();
                }
            }
            return added;
        });
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

    public Future<Optional<BoxView>> box(String boxId, long now) {
        return blocking("read box " + boxId, () -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + BOX_COLUMNS
                    + " FROM boxes WHERE box_id = ?")) {
                ps.setString(1, boxId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(box(rs, now)) : Optional.<BoxView>empty();
                }
            }
        });
    }

    /** The journal epoch of every known box's latest birth, so a restarted console keys samples as before. */
    public Future<java.util.Map<String, Long>> epochs() {
        return blocking("read box epochs", () -> {
            java.util.Map<String, Long> epochs = new java.util.HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT box_id, epoch FROM boxes"
                    + " WHERE epoch IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    epochs.put(rs.getString(1), rs.getLong(2));
                }
            }
            return epochs;
        });
    }

    /** The box's newest samples first. */
    public Future<List<Sample>> samples(String boxId, int limit) {
        return blocking("read samples of " + boxId, () -> {
            List<Sample> samples = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT box_id, epoch, record_id, metric,"
                    + " taken_at, val, historical FROM samples WHERE box_id = ?"
                    + " ORDER BY taken_at DESC, record_id DESC, metric LIMIT ?")) {
                ps.setString(1, boxId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        samples.add(new Sample(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                                rs.getLong(5), rs.getString(6), rs.getBoolean(7)));
                    }
                }
            }
            return samples;
        });
    }

    private BoxView box(ResultSet rs, long now) throws SQLException {
        long lastSeen = rs.getLong(4);
        boolean online = rs.getBoolean(3) && now - lastSeen <= config.offlineAfterSeconds() * 1000L;
        return new BoxView(rs.getString(1), rs.getString(2), online, lastSeen, nullableLong(rs, 5),
                nullableLong(rs, 6), new ProjectorView(rs.getString(7), rs.getString(8), nullableLong(rs, 9),
                rs.getString(10), (Boolean) rs.getObject(11)));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
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
        return worker.executeBlocking(() -> {
            try {
                return work.call();
            } catch (SQLException | IOException e) {
                throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
            }
        }, true);
    }
}
