package org.classbox.console.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes of one store transaction, handed to the work given to {@link BoxStore#transaction}. Valid only inside
 * that work, on the {@code console-store} worker; nothing is visible or durable until the transaction commits.
 */
public final class BoxWrites {
    private final Connection connection;

    BoxWrites(Connection connection) {
        this.connection = connection;
    }

    /**
     * Runs {@code step} so that, if it fails with a data error (a value too wide for its column, a number out of
     * range), only its own changes are undone and the error is returned; other SQL errors propagate and fail the
     * whole transaction. Returns null when the step succeeded.
     */
    public SQLException undoOnDataError(SqlStep step) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            step.run();
            connection.releaseSavepoint(savepoint);
            return null;
        } catch (SQLException e) {
            // SQLSTATE class 22 is "data exception": the input is at fault, not the store.
            if (e.getSQLState() == null || !e.getSQLState().startsWith("22")) {
                throw e;
            }
            connection.rollback(savepoint);
            return e;
        }
    }

    /** The journal epoch of the box's latest birth, or null if the console has never seen it born. */
    public Long epochOf(BoxKey box) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT epoch FROM boxes WHERE group_id = ? AND box_id = ?")) {
            bind(ps, box);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long epoch = rs.getLong(1);
                return rs.wasNull() ? null : epoch;
            }
        }
    }

    /** A box was born: online, with the bdSeq its NDEATH will carry and the epoch of its journal. */
    public void boxBorn(BoxKey box, long bdSeq, long epoch, long now) throws SQLException {
        // A new journal epoch restarts record ids: forget the order of the old one.
        try (PreparedStatement reset = connection.prepareStatement("UPDATE boxes SET power_at = NULL,"
                + " input_at = NULL, lamp_hours_at = NULL, error_at = NULL, reachable_at = NULL"
                + " WHERE group_id = ? AND box_id = ? AND (epoch IS NULL OR epoch <> ?)")) {
            bind(reset, box);
            reset.setLong(3, epoch);
            reset.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE boxes SET online = TRUE, bd_seq = ?,"
                + " epoch = ?, last_seen = ? WHERE group_id = ? AND box_id = ?")) {
            update.setLong(1, bdSeq);
            update.setLong(2, epoch);
            update.setLong(3, now);
            update.setString(4, box.groupId());
            update.setString(5, box.boxId());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        // A box seen for the first time. Another console inserting it meanwhile fails this one's transaction with a
        // unique violation, which the store runs again: the update above then finds the row.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO boxes(group_id, box_id, online,"
                + " bd_seq, epoch, last_seen) VALUES(?, ?, TRUE, ?, ?, ?)")) {
            bind(insert, box);
            insert.setLong(3, bdSeq);
            insert.setLong(4, epoch);
            insert.setLong(5, now);
            insert.executeUpdate();
        }
    }

    /**
     * A box died. Applied only if {@code bdSeq} is the one of its current birth: a late NDEATH of an older session
     * must not mark a box offline that has already come back. Returns whether it was applied.
     */
    public boolean boxDied(BoxKey box, long bdSeq, long now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE boxes SET online = FALSE, last_seen = ?"
                + " WHERE group_id = ? AND box_id = ? AND bd_seq = ?")) {
            ps.setLong(1, now);
            ps.setString(2, box.groupId());
            ps.setString(3, box.boxId());
            ps.setLong(4, bdSeq);
            return ps.executeUpdate() == 1;
        }
    }

    /** Something was heard from the box. */
    public void touch(BoxKey box, long now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE boxes SET last_seen = GREATEST(last_seen, ?)"
                + " WHERE group_id = ? AND box_id = ?")) {
            ps.setLong(1, now);
            ps.setString(2, box.groupId());
            ps.setString(3, box.boxId());
            ps.executeUpdate();
        }
    }

    /**
     * Applies projector values to the box's latest state, each only if it is no older (by record id) than the value
     * it replaces, so a late historical sample never hides a newer one.
     */
    public void updateProjector(BoxKey box, List<FieldValue> values) throws SQLException {
        for (FieldValue value : values) {
            String column = value.field().column();
            String sql = "UPDATE boxes SET " + column + " = ?, " + column + "_at = ? WHERE group_id = ? AND box_id = ?"
                    + " AND (" + column + "_at IS NULL OR " + column + "_at <= ?)";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                value.field().bind(ps, 1, value.value());
                ps.setLong(2, value.order());
                ps.setString(3, box.groupId());
                ps.setString(4, box.boxId());
                ps.setLong(5, value.order());
                ps.executeUpdate();
            }
        }
    }

    /** Stores samples; a sample already stored (same box, epoch, record and metric) is left as it is. */
    public int addSamples(List<Sample> samples) throws SQLException {
        if (samples.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO samples(group_id, box_id, epoch,"
                + " record_id, metric, taken_at, val, historical, device) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM samples WHERE group_id = ? AND box_id = ? AND epoch = ? AND record_id = ?"
                + " AND metric = ?)")) {
            for (Sample s : samples) {
                ps.setString(1, s.box().groupId());
                ps.setString(2, s.box().boxId());
                ps.setLong(3, s.epoch());
                ps.setLong(4, s.recordId());
                ps.setString(5, s.metric());
                ps.setLong(6, s.takenAt());
                ps.setString(7, s.value());
                ps.setBoolean(8, s.historical());
                ps.setString(9, s.device());
                ps.setString(10, s.box().groupId());
                ps.setString(11, s.box().boxId());
                ps.setLong(12, s.epoch());
                ps.setLong(13, s.recordId());
                ps.setString(14, s.metric());
                ps.addBatch();
            }
            // One round trip for the lot on a PostgreSQL server, rather than one a row.
            return Batches.rowsChanged(ps);
        }
    }

    /** Stores lesson events; one already stored (same box, epoch and record) is left as it is. */
    public int addLessonEvents(List<LessonEvent> events) throws SQLException {
        int added = 0;
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO lesson_events(group_id, box_id, epoch,"
                + " record_id, lesson_id, kind, media_time, text, count, picture, taken_at, historical)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM lesson_events"
                + " WHERE group_id = ? AND box_id = ? AND epoch = ? AND record_id = ?)")) {
            for (LessonEvent e : events) {
                ps.setString(1, e.box().groupId());
                ps.setString(2, e.box().boxId());
                ps.setLong(3, e.epoch());
                ps.setLong(4, e.recordId());
                ps.setString(5, e.lessonId());
                ps.setString(6, e.kind());
                ps.setObject(7, e.mediaTime(), java.sql.Types.DOUBLE);
                ps.setString(8, e.text());
                ps.setObject(9, e.count(), java.sql.Types.BIGINT);
                ps.setBytes(10, e.picture());
                ps.setLong(11, e.takenAt());
                ps.setBoolean(12, e.historical());
                ps.setString(13, e.box().groupId());
                ps.setString(14, e.box().boxId());
                ps.setLong(15, e.epoch());
                ps.setLong(16, e.recordId());
                added += ps.executeUpdate();
            }
        }
        return added;
    }

    /** Keeps a device message of a box not yet born until its birth says which epoch it belongs to. */
    public void park(BoxKey box, String topic, byte[] payload, long now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO parked(group_id, box_id, topic, payload,"
                + " arrived_at) VALUES(?, ?, ?, ?, ?)")) {
            bind(ps, box);
            ps.setString(3, topic);
            ps.setBytes(4, payload);
            ps.setLong(5, now);
            ps.executeUpdate();
        }
    }

    /** Keeps the birth as the latest of its box ({@code deviceId} empty) or device: it declares their aliases. */
    public void saveBirth(BoxKey box, String deviceId, String topic, byte[] payload) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE births SET topic = ?, payload = ?"
                + " WHERE group_id = ? AND box_id = ? AND device_id = ?")) {
            update.setString(1, topic);
            update.setBytes(2, payload);
            update.setString(3, box.groupId());
            update.setString(4, box.boxId());
            update.setString(5, deviceId);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO births(group_id, box_id, device_id,"
                + " topic, payload) VALUES(?, ?, ?, ?, ?)")) {
            bind(insert, box);
            insert.setString(3, deviceId);
            insert.setString(4, topic);
            insert.setBytes(5, payload);
            insert.executeUpdate();
        }
    }

    /** Whether the box has parked messages. */
    public boolean hasParked(BoxKey box) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM parked WHERE group_id = ?"
                + " AND box_id = ? LIMIT 1")) {
            bind(ps, box);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The box's parked messages in the order they arrived, removed from the store with this transaction. */
    public List<ParkedMessage> unpark(BoxKey box) throws SQLException {
        List<ParkedMessage> parked = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, topic, payload FROM parked"
                + " WHERE group_id = ? AND box_id = ? ORDER BY seq")) {
            bind(ps, box);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parked.add(new ParkedMessage(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
                }
            }
        }
        if (!parked.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM parked WHERE group_id = ? AND box_id = ?")) {
                bind(ps, box);
                ps.executeUpdate();
            }
        }
        return parked;
    }


    private static void bind(PreparedStatement ps, BoxKey box) throws SQLException {
        ps.setString(1, box.groupId());
        ps.setString(2, box.boxId());
    }

    /**
     * The transaction's connection, for the store classes of other capabilities (alarms, commands, operators...)
     * that keep their SQL in classes of their own. Portable SQL only: the same statements run on H2 and PostgreSQL.
     */
    public Connection connection() {
        return connection;
    }

    /** The lesson tables in this same transaction. */
    public LessonWrites lessons() {
        return new LessonWrites(connection);
    }

    /** The latest metric values of every device, in this same transaction. */
    public DeviceMetrics devices() {
        return new DeviceMetrics(connection);
    }

    /** One step of a transaction that may fail with a {@link SQLException}. */
    @FunctionalInterface
    public interface SqlStep {
        void run() throws SQLException;
    }
}
