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

    /**
     * Restores logged records above {@code lastId}, commits, and returns the new highest id. A damaged stretch the log
     * skipped is an ERROR when it may have held records H2 does not have (ids above {@code lastId}).
     */
    static long restore(Connection connection, JournalLog journalLog, long lastId, Path dataDir)
            throws SQLException {
        for (JournalLog.Cut cut : journalLog.cuts()) {
            if (cut.nextId() - 1 > Math.max(cut.afterId(), lastId)) {
                log.error("journal log in {}: a damaged frame in the middle: cut {} bytes between id {} and id {};"
                        + " records {}..{} are lost if they were there", dataDir, cut.bytes(), cut.afterId(),
                        cut.nextId(), Math.max(cut.afterId(), lastId) + 1, cut.nextId() - 1);
            } else {
                log.info("journal log in {}: skipped {} damaged bytes between id {} and id {}, all already in H2",
                        dataDir, cut.bytes(), cut.afterId(), cut.nextId());
            }
        }
        List<JournalRecord> logged = journalLog.replay();
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
