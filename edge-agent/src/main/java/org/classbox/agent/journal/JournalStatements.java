package org.classbox.agent.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The write path's SQL, prepared once per opened file rather than once per group commit. Used on the journal worker
 * only.
 */
final class JournalStatements implements AutoCloseable {
    /** Bytes of the records with the given ids; {@code = ANY(?)} is answered by primary-key lookups. */
    static final String REMOVED_BYTES = "SELECT COALESCE(SUM(OCTET_LENGTH(body)), 0) + COUNT(*) * "
            + RoomMaker.RECORD_OVERHEAD + " FROM records WHERE id = ANY(?)";

    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement takeOut;
    private final PreparedStatement lastId;

    JournalStatements(Connection connection) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement(
                "INSERT INTO records(id, record_class, stream, taken_at, body) VALUES(?, ?, ?, ?, ?)");
        this.takeOut = connection.prepareStatement("DELETE FROM records WHERE id BETWEEN ? AND ?");
        this.lastId = connection.prepareStatement("MERGE INTO meta(name, val) KEY(name) VALUES('lastId', ?)");
    }

    /** Adds the records to the open transaction. */
    void insert(List<JournalRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        for (JournalRecord record : records) {
            JournalEntry entry = record.entry();
            insert.setLong(1, record.id());
            insert.setByte(2, (byte) entry.recordClass().ordinal());
            insert.setString(3, entry.stream());
            insert.setLong(4, entry.takenAt());
            insert.setBytes(5, entry.body());
            insert.addBatch();
        }
        try {
            insert.executeBatch();
        } finally {
            insert.clearBatch();
        }
    }

    /** Records in the open transaction the highest id H2 holds (the log's replay starts above it). */
    void lastId(long id) throws SQLException {
        lastId.setLong(1, id);
        lastId.executeUpdate();
    }

    /** Deletes a committed group again and commits; false when H2 could not. */
    boolean takeOut(long firstId, long lastId, long storedBytesAfter) {
        try {
            takeOut.setLong(1, firstId);
            takeOut.setLong(2, lastId);
            takeOut.executeUpdate();
            JournalFile.writeMeta(connection, Journal.STORED_BYTES, storedBytesAfter);
            connection.commit();
            return true;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // H2 is gone; the caller reopens it
            }
            return false;
        }
    }

    /** Rows deleted and the bytes they took (against the budget). */
    record Removed(int rows, long bytes) {
    }

    /**
     * Deletes the records with {@code ids} (ids already gone are ignored) and keeps the stored bytes in the same
     * commit; rolls back and throws when H2 fails.
     */
    Removed remove(List<Long> ids, long storedBytesBefore) throws SQLException {
        try {
            long freed;
            try (PreparedStatement sum = connection.prepareStatement(REMOVED_BYTES)) {
                sum.setObject(1, ids.toArray(new Long[0]));
                try (ResultSet rs = sum.executeQuery()) {
                    rs.next();
                    freed = rs.getLong(1);
                }
            }
            int removed = 0;
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM records WHERE id = ?")) {
                for (long id : ids) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                for (int count : delete.executeBatch()) {
                    removed += Math.max(count, 0);
                }
            }
            JournalFile.writeMeta(connection, Journal.STORED_BYTES, storedBytesBefore - freed);
            connection.commit();
            return new Removed(removed, freed);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Whether H2 still answers (a write failure makes H2 close its store). */
    boolean alive() {
        try (var statement = connection.createStatement()) {
            statement.execute("SELECT 1 FROM meta LIMIT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        takeOut.close();
        lastId.close();
    }
}
