package org.classbox.agent.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The write path's SQL, prepared once per opened file rather than once per group commit. Used on the journal worker
 * only.
 */
final class JournalStatements implements AutoCloseable {
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
