package org.classbox.agent.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the journal's H2 file, creating the schema and the journal epoch on first use. A file that H2 cannot open
 * or whose schema is unreadable is moved aside (kept for diagnosis) and a fresh journal with a new epoch is started,
 * so the agent never crash-loops on its own data. Blocking: call on the journal worker.
 */
final class JournalFile {
    private static final Logger log = LoggerFactory.getLogger(JournalFile.class);
    static final String NAME = "journal";

    private JournalFile() {
    }

    static Path dbFile(Path dataDir) {
        return dataDir.resolve(NAME + ".mv.db");
    }

    /**
     * @param writeEachCommit true when H2 itself must put every commit into the file (no write-ahead log in front);
     *                        false when the journal's log makes appends durable and H2 may write in the background
     */
    static Connection open(Path dataDir, boolean writeEachCommit) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new JournalException("cannot create journal directory " + dataDir.toAbsolutePath(), e);
        }
        try {
            return openAndPrepare(dataDir, writeEachCommit);
        } catch (SQLException | RuntimeException e) {
            Path bad = dbFile(dataDir);
            Path aside = dataDir.resolve(NAME + ".corrupt-" + Instant.now().toEpochMilli() + ".mv.db");
            log.error("journal {} cannot be opened ({}); moving it aside to {} and starting a fresh journal",
                    bad.toAbsolutePath(), e.getMessage(), aside.getFileName());
            try {
                if (Files.exists(bad)) {
                    Files.move(bad, aside, StandardCopyOption.REPLACE_EXISTING);
                }
                return openAndPrepare(dataDir, writeEachCommit);
            } catch (IOException | SQLException retry) {
                throw new JournalException("cannot start a fresh journal in " + dataDir.toAbsolutePath(), retry);
            }
        }
    }

    private static Connection openAndPrepare(Path dataDir, boolean writeEachCommit) throws SQLException {
        // WRITE_DELAY=0: a commit is written to the file before it returns, so without the write-ahead log an
        // acknowledged append still survives SIGKILL. With the log, H2's own writes may lag: the log covers them, and
        // not dragging H2's fresh blocks into every log fsync is what makes group commit fast on ext4.
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(NAME)
                + (writeEachCommit ? ";WRITE_DELAY=0" : "") + ";DB_CLOSE_ON_EXIT=FALSE";
        Connection connection = DriverManager.getConnection(url, "agent", "");
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS records(id BIGINT PRIMARY KEY, record_class TINYINT NOT NULL,"
                        + " stream VARCHAR(64) NOT NULL, taken_at BIGINT NOT NULL, body VARBINARY(65536) NOT NULL,"
                        + " thinned BOOLEAN DEFAULT FALSE NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS records_by_class ON records(record_class, id)");
                s.execute("CREATE TABLE IF NOT EXISTS meta(name VARCHAR(32) PRIMARY KEY, val BIGINT NOT NULL)");
            }
            if (readMeta(connection, "epoch") == null) {
                long epoch = new SecureRandom().nextLong() & Long.MAX_VALUE;
                writeMeta(connection, "epoch", epoch);
                writeMeta(connection, "lastId", 0);
                writeMeta(connection, "bdSeq", 0);
                log.info("new journal {} with epoch {}", dbFile(dataDir).toAbsolutePath(), epoch);
            }
            connection.commit();
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    static Long readMeta(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT val FROM meta WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    static void writeMeta(Connection connection, String name, long value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("MERGE INTO meta(name, val) KEY(name) VALUES(?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, value);
            ps.executeUpdate();
        }
    }

    static JournalCounters readCounters(Connection connection) throws SQLException {
        Map<RecordClass, Long> dropped = new EnumMap<>(RecordClass.class);
        Map<RecordClass, Long> refused = new EnumMap<>(RecordClass.class);
        for (RecordClass c : RecordClass.values()) {
            Long d = readMeta(connection, "dropped." + c.ordinal());
            Long r = readMeta(connection, "refused." + c.ordinal());
            dropped.put(c, d == null ? 0 : d);
            refused.put(c, r == null ? 0 : r);
        }
        return new JournalCounters(dropped, refused);
    }

    static void writeCounters(Connection connection, JournalCounters counters) throws SQLException {
        for (RecordClass c : RecordClass.values()) {
            writeMeta(connection, "dropped." + c.ordinal(), counters.dropped().get(c));
            writeMeta(connection, "refused." + c.ordinal(), counters.refused().get(c));
        }
    }
}
