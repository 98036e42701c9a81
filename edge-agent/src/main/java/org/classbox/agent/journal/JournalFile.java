package org.classbox.agent.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the journal's H2 file and creates its schema. Only a file H2 reports as corrupt (or cut short) is moved aside
 * (the newest such file is kept for diagnosis, older ones are deleted so they cannot fill the disk) and a fresh file is
 * started, so the agent never crash-loops on its own data; the epoch and the id mark live on in {@link JournalIdentity}
 * and the log's records keep their ids. Anything else (another agent holding the file, a read-only or full file
 * system, an I/O error) fails with a {@link JournalException} of that kind and touches nothing. Blocking: call on the
 * journal worker.
 */
final class JournalFile {
    private static final Logger log = LoggerFactory.getLogger(JournalFile.class);
    static final String NAME = "journal";
    static final String ASIDE_PREFIX = NAME + ".corrupt-";

    private JournalFile() {
    }

    /** Creates the data directory if needed and returns it. */
    static Path ensureDir(Path dataDir) {
        try {
            return Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new JournalException(JournalException.kindOf(e), "cannot create journal directory "
                    + dataDir.toAbsolutePath() + ": " + e, e);
        }
    }

    static Path dbFile(Path dataDir) {
        return dataDir.resolve(NAME + ".mv.db");
    }

    /**
     * @param writeEachCommit true when H2 itself must put every commit into the file (no write-ahead log in front);
     *                        false when the journal's log makes appends durable and H2 may write in the background
     */
    static Connection open(Path dataDir, boolean writeEachCommit) {
        Path bad = dbFile(ensureDir(dataDir));
        // H2 opens a file it may not write in read-only mode without a word; the journal must refuse instead.
        if (!Files.isWritable(dataDir) || (Files.exists(bad) && !Files.isWritable(bad))) {
            throw new JournalException(JournalException.Kind.READ_ONLY, "journal directory " + dataDir.toAbsolutePath()
                    + " or its file " + bad.getFileName() + " cannot be written (read-only file system or permissions)",
                    null);
        }
        try {
            return openAndPrepare(dataDir, writeEachCommit);
        } catch (SQLException | RuntimeException e) {
            if (!isCorrupt(e)) {
                JournalException.Kind kind = JournalException.kindOf(e);
                throw new JournalException(kind, "cannot open journal " + bad.toAbsolutePath() + " ("
                        + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): " + e.getMessage()
                        + "; its data is left untouched", e);
            }
            Path aside = dataDir.resolve(ASIDE_PREFIX + Instant.now().toEpochMilli() + ".mv.db");
            log.error("journal {} is corrupt ({}); moving it aside to {} and starting a fresh file: records still in"
                    + " journal.log keep their ids", bad.toAbsolutePath(), e.getMessage(), aside.getFileName());
            try {
                deleteOlderAside(dataDir);
                if (Files.exists(bad)) {
                    Files.move(bad, aside, StandardCopyOption.REPLACE_EXISTING);
                }
                return openAndPrepare(dataDir, writeEachCommit);
            } catch (IOException | SQLException retry) {
                throw new JournalException(JournalException.kindOf(retry), "cannot start a fresh journal in "
                        + dataDir.toAbsolutePath() + ": " + retry.getMessage(), retry);
            }
        }
    }

    /**
     * Corruption as H2 reports it: {@code FILE_CORRUPTED_1} (a damaged header or chunk), or a read that ran past the
     * end of the file (a file cut short). A lock, a full disk or an I/O error is not corruption.
     */
    static boolean isCorrupt(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.FILE_CORRUPTED_1) {
                return true;
            }
            if (t instanceof MVStoreException mv && mv.getErrorCode() == DataUtils.ERROR_FILE_CORRUPT) {
                return true;
            }
            if (t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    /** Bytes taken by files moved aside (at most one is kept); counted in the disk headroom. */
    static long asideBytes(Path dataDir) throws IOException {
        long total = 0;
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path p : (Iterable<Path>) files.filter(JournalFile::isAside)::iterator) {
                total += Files.size(p);
            }
        }
        return total;
    }

    private static void deleteOlderAside(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path p : (Iterable<Path>) files.filter(JournalFile::isAside)::iterator) {
                log.warn("deleting {}, an older journal file moved aside, so moved-aside files never fill the disk",
                        p.toAbsolutePath());
                Files.delete(p);
            }
        }
    }

    private static boolean isAside(Path p) {
        return p.getFileName().toString().startsWith(ASIDE_PREFIX);
    }

    private static Connection openAndPrepare(Path dataDir, boolean writeEachCommit) throws SQLException {
        // WRITE_DELAY=0: a commit is written to the file before it returns, so without the write-ahead log an
        // acknowledged append still survives SIGKILL. With the log, H2's own writes may lag: the log covers them, and
        // not dragging H2's fresh blocks into every log fsync is what makes group commit fast on ext4.
        // TRACE_LEVEL_FILE=0: no journal.trace.db growing beside the journal on a full disk; our log has the errors.
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(NAME)
                + (writeEachCommit ? ";WRITE_DELAY=0" : "") + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
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
        Long full = readMeta(connection, "storageFull");
        return new JournalCounters(dropped, refused, full == null ? 0 : full);
    }

    static void writeCounters(Connection connection, JournalCounters counters) throws SQLException {
        for (RecordClass c : RecordClass.values()) {
            writeMeta(connection, "dropped." + c.ordinal(), counters.dropped().get(c));
            writeMeta(connection, "refused." + c.ordinal(), counters.refused().get(c));
        }
        writeMeta(connection, "storageFull", counters.storageFull());
    }
}
