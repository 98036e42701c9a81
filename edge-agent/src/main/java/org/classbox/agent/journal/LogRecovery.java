package org.classbox.agent.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts back into H2 the records the write-ahead log made durable but H2 did not keep (a power cut before H2 wrote
 * them). Runs once at start on the journal worker, before anything is appended.
 */
final class LogRecovery {
    private static final Logger log = LoggerFactory.getLogger(LogRecovery.class);

    private LogRecovery() {
    }

    /** Restores logged records above {@code lastId}, commits, and returns the new highest id. */
    static long restore(Connection connection, List<JournalRecord> logged, long lastId, Path dataDir)
            throws SQLException {
        long highest = lastId;
        long restored = 0;
        try (PreparedStatement ps = connection.prepareStatement("MERGE INTO records(id, record_class, stream, taken_at,"
                + " body) KEY(id) VALUES(?, ?, ?, ?, ?)")) {
            for (JournalRecord record : logged) {
                if (record.id() <= highest) {
                    continue;
                }
                ps.setLong(1, record.id());
                ps.setByte(2, (byte) record.entry().recordClass().ordinal());
                ps.setString(3, record.entry().stream());
                ps.setLong(4, record.entry().takenAt());
                ps.setBytes(5, record.entry().body());
                ps.executeUpdate();
                highest = record.id();
                restored++;
            }
        }
        JournalFile.writeMeta(connection, "lastId", highest);
        connection.commit();
        if (restored > 0) {
            log.warn("restored {} acknowledged records from the journal log into {} (the H2 file had not kept them)",
                    restored, JournalFile.dbFile(dataDir));
        }
        return highest;
    }
}
