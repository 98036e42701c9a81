package org.classbox.agent.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.classbox.agent.config.JournalConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's files and the tallies they must agree with: the H2 file, the log, the side file with the id mark
 * and bdSeq, and the count of records, bytes and drops. {@link Journal} calls it on the journal worker only; the
 * figures read from other threads ({@link #size}, {@link #counters}, {@link #lastIdSeen}) are safe to read anywhere.
 */
final class JournalStore {
    /** The log is emptied (after forcing H2) once it grows past this. */
    private static final long LOG_LIMIT_BYTES = 4L * 1024 * 1024;
    private static final Logger logger = LoggerFactory.getLogger(JournalStore.class);

    private final JournalConfig config;
    private final LongSupplier clock;
    private final AtomicLong size = new AtomicLong();
    private volatile JournalCounters counters = JournalCounters.empty();
    private volatile long lastIdSeen;
    private volatile Faults faults = Faults.NONE;
    private StorageGuard storage;
    private Connection connection;
    private FileChannel syncChannel;
    private JournalLog log;
    private JournalStatements statements;
    private JournalCounters persistedCounters;
    private RoomMaker roomMaker;
    private BatchReader reader;
    private JournalIdentity identity;
    private long storedBytes;
    private long epoch;
    private long lastId;
    private long nextCheckpointAt = LOG_LIMIT_BYTES;

    JournalStore(JournalConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The guard that decides whether appends are taken; set once, before {@link #open()}. */
    void guardedBy(StorageGuard storage) {
        this.storage = storage;
    }

    /**
     * Opens H2, settles the epoch and the id mark with the side file, and puts back what only the log holds. Also
     * used to reopen the files after a failure closed H2.
     */
    void open() throws SQLException, IOException {
        connection = JournalFile.open(config.dataDir(), config.sync() == JournalConfig.SyncPolicy.NONE);
        syncChannel = FileChannel.open(JournalFile.dbFile(config.dataDir()), StandardOpenOption.READ);
        Long h2Epoch = JournalFile.readMeta(connection, "epoch");
        JournalIdentity saved = JournalIdentity.loadOrNull(config.dataDir());
        epoch = h2Epoch != null ? h2Epoch : saved != null ? saved.epoch() : JournalIdentity.newEpoch(config.dataDir());
        if (h2Epoch == null) {
            JournalFile.writeMeta(connection, "epoch", epoch);
            JournalFile.writeMeta(connection, "lastId", 0);
            connection.commit();
        }
        lastId = JournalFile.readMeta(connection, "lastId");
        Long keptBytes = JournalFile.readMeta(connection, Journal.STORED_BYTES);
        if (config.sync() == JournalConfig.SyncPolicy.FSYNC) {
            log = new JournalLog(config.dataDir().resolve(Journal.LOG_FILE), faults);
            if (keptBytes != null) {
                // Written uncommitted, so the restore's commit covers the records and their bytes together.
                keptBytes += restoredBytes(log.replay(), lastId);
                JournalFile.writeMeta(connection, Journal.STORED_BYTES, keptBytes);
            }
            lastId = LogRecovery.restore(connection, log, lastId, config.dataDir());
            checkpoint();
            log.clear();
        }
        identity = JournalIdentity.settle(config.dataDir(), epoch, lastId, saved,
                JournalFile.readMeta(connection, "bdSeq"));
        // Ids go on above the mark: whatever was handed out before, even what H2 lost, is never handed out again.
        lastId = identity.reservedUpTo();
        lastIdSeen = lastId;
        counters = JournalFile.readCounters(connection);
        persistedCounters = counters;
        statements = new JournalStatements(connection);
        roomMaker = new RoomMaker(connection, config, this::countDropped);
        reader = new BatchReader(connection, config, this::expired);
        if (keptBytes == null) {
            // A journal written before the count was kept: sum once, keep it from now on.
            keptBytes = RoomMaker.storedBytes(connection);
            JournalFile.writeMeta(connection, Journal.STORED_BYTES, keptBytes);
            connection.commit();
        }
        storedBytes = keptBytes;
        // No scan: see Journal.COUNT_ROWS (1 ms with 1 M rows).
        size.set(countRows());
    }

    /** Forces what H2 holds to the device and empties the log when storage is fine, then closes everything. */
    void closeCleanly() throws SQLException, IOException {
        try {
            if (log != null && connection != null && storage.state() == StorageState.OK) {
                checkpoint();
                log.clear();
            }
        } finally {
            close();
        }
    }

    /**
     * Inserts what fits, making room as the rules allow; returns each entry's id, or {@link GroupCommit#BUDGET_FULL} or
     * {@link GroupCommit#DISK_FULL} where it was refused. The rule that keeps H2, the log and memory agreeing: ids are reserved
     * on the device first and consumed for good once given to a group (a failed group leaves a gap, never a reuse);
     * a group is acknowledged only once H2 committed it and the log forced it; when the log fails after H2 committed,
     * the group's rows are taken out of H2 again, and what cannot be taken out stays and is counted as stored.
     */
    List<Long> insert(List<JournalEntry> batch) throws SQLException, IOException {
        boolean diskShort = storage.beforeGroup(batch.size());
        try {
            identity.reserveThrough(lastId + batch.size());
        } catch (IOException e) {
            storage.failed(e, statements.alive());
            throw new JournalException(JournalException.kindOf(e), "cannot reserve ids above " + lastId
                    + " in the journal state file in " + config.dataDir() + ": refused " + batch.size() + " appends", e);
        }
        List<Long> ids = new ArrayList<>(batch.size());
        List<JournalRecord> accepted = new ArrayList<>(batch.size());
        long first = lastId + 1;
        long id = lastId;
        long bytes = storedBytes;
        long acceptedBytes = 0;
        JournalCounters before = counters;
        long now = clock.getAsLong();
        try {
            for (JournalEntry entry : batch) {
                if (diskShort && entry.recordClass() != RecordClass.ALARM) {
                    counters = counters.plusRefused(entry.recordClass());
                    ids.add(GroupCommit.DISK_FULL);
                    continue;
                }
                long needed = bytes + RoomMaker.sizeOf(entry) - config.budgetBytes();
                if (needed > 0) {
                    bytes -= roomMaker.makeRoom(needed, entry.recordClass(), now);
                }
                if (bytes + RoomMaker.sizeOf(entry) > config.budgetBytes()) {
                    counters = counters.plusRefused(entry.recordClass());
                    ids.add(GroupCommit.BUDGET_FULL);
                    continue;
                }
                bytes += RoomMaker.sizeOf(entry);
                acceptedBytes += RoomMaker.sizeOf(entry);
                ids.add(++id);
                accepted.add(new JournalRecord(id, entry));
            }
            // Consumed from here on, whatever happens to this group.
            lastId = id;
            statements.insert(accepted);
            statements.lastId(id);
            JournalFile.writeMeta(connection, Journal.STORED_BYTES, bytes);
            if (!counters.equals(persistedCounters)) {
                JournalFile.writeCounters(connection, counters);
            }
            faults.at(Faults.Point.H2_COMMIT);
            connection.commit();
            persistedCounters = counters;
        } catch (SQLException | IOException | RuntimeException e) {
            rollbackQuietly();
            counters = before;
            storage.failed(e, statements.alive());
            throw new JournalException(JournalException.kindOf(e), "cannot append " + batch.size()
                    + " records to the journal in " + config.dataDir() + " (ids " + first + ".." + id
                    + " are not used again)", e);
        }
        long dropped = 0;
        for (RecordClass c : RecordClass.values()) {
            dropped += counters.dropped().get(c) - before.dropped().get(c);
        }
        if (log != null && !accepted.isEmpty()) {
            try {
                faults.at(Faults.Point.LOG_APPEND);
                // One device flush per group commit, of an append-only file: every append in the batch shares it.
                log.append(accepted);
            } catch (IOException e) {
                boolean takenOut = statements.takeOut(first, id, bytes - acceptedBytes);
                size.addAndGet((takenOut ? 0 : accepted.size()) - dropped);
                storedBytes = takenOut ? bytes - acceptedBytes : bytes;
                storage.failed(e, statements.alive());
                throw new JournalException(JournalException.kindOf(e), "cannot write the journal log in "
                        + config.dataDir() + " for ids " + first + ".." + id + ": " + (takenOut
                        ? "they were taken out of H2 again" : "they stay in H2 and will be sent") + "; not used again",
                        e);
            }
            checkpointIfDue();
        }
        size.addAndGet(accepted.size() - dropped);
        lastIdSeen = id;
        storedBytes = bytes;
        return ids;
    }

    /** Empties the log once it is large; a failed checkpoint keeps the log (every record is still in it). */
    private void checkpointIfDue() {
        if (log.size() <= nextCheckpointAt) {
            return;
        }
        try {
            faults.at(Faults.Point.CHECKPOINT);
            checkpoint();
            log.clear();
            nextCheckpointAt = LOG_LIMIT_BYTES;
        } catch (SQLException | IOException e) {
            nextCheckpointAt = log.size() + LOG_LIMIT_BYTES / 4;
            logger.warn("journal checkpoint in {} failed ({}); journal.log keeps every record and is emptied at a later"
                    + " checkpoint", config.dataDir(), e.getMessage());
            storage.failed(e, statements.alive());
        }
    }

    /** See {@link Journal#readRange}; commits the reader's deletions of expired records. */
    List<JournalRecord> read(long afterId, long upToId, int limit, Set<RecordClass> classes) throws SQLException {
        try {
            List<JournalRecord> records = reader.read(afterId, upToId, limit, classes, clock.getAsLong());
            connection.commit();
            return records;
        } catch (SQLException e) {
            // Nothing half done (an expired record deleted but not counted) may ride on the next commit.
            connection.rollback();
            throw new JournalException("cannot read records " + afterId + ".." + upToId + " of " + classes
                    + " from the journal in " + config.dataDir(), e);
        }
    }

    void remove(List<Long> ids) {
        JournalStatements.Removed removed;
        try {
            removed = statements.remove(ids, storedBytes);
        } catch (SQLException e) {
            throw new JournalException("cannot remove records " + ids.get(0) + ".." + ids.get(ids.size() - 1)
                    + " from the journal in " + config.dataDir(), e);
        }
        size.addAndGet(-removed.rows());
        storedBytes -= removed.bytes();
    }

    long takeBdSeq() throws IOException {
        return identity.takeBdSeq();
    }

    long epoch() {
        return epoch;
    }

    long lastId() {
        return lastId;
    }

    long lastIdSeen() {
        return lastIdSeen;
    }

    long storedBytes() {
        return storedBytes;
    }

    long size() {
        return size.get();
    }

    JournalCounters counters() {
        return counters;
    }

    void countStorageFull() {
        counters = counters.plusStorageFull();
    }

    void injectFaults(Faults faults) {
        this.faults = faults;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            logger.debug("rollback after a failed append in {}: {}", config.dataDir(), e.getMessage());
        }
    }

    /** Closes what is open, ignoring what a failure already closed. */
    void close() {
        for (AutoCloseable c : new AutoCloseable[] {log, statements, connection, syncChannel}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                logger.debug("closing the journal in {}: {}", config.dataDir(), e.getMessage());
            }
        }
        log = null;
        statements = null;
        connection = null;
        syncChannel = null;
    }

    /** Makes H2 write everything committed to its file and force it to the device, so the log may be emptied. */
    private void checkpoint() throws SQLException, IOException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
        syncChannel.force(false);
    }

    private void countDropped(RecordClass recordClass, long count) {
        counters = counters.plusDropped(recordClass, count);
    }

    /** Accounts for records the reader deleted for age, in the reader's transaction, and commits. */
    private void expired(List<JournalRecord> records) throws SQLException {
        JournalCounters next = counters;
        long freed = 0;
        for (JournalRecord record : records) {
            next = next.plusDropped(record.entry().recordClass(), 1);
            freed += RoomMaker.sizeOf(record.entry());
        }
        try {
            JournalFile.writeCounters(connection, next);
            JournalFile.writeMeta(connection, Journal.STORED_BYTES, storedBytes - freed);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new JournalException("cannot drop " + records.size() + " expired records (" + records.get(0).id()
                    + "..) from the journal in " + config.dataDir(), e);
        }
        counters = next;
        persistedCounters = next;
        storedBytes -= freed;
        size.addAndGet(-records.size());
    }

    private static long restoredBytes(List<JournalRecord> logged, long lastId) {
        return logged.stream().filter(r -> r.id() > lastId).mapToLong(r -> RoomMaker.sizeOf(r.entry())).sum();
    }

    private long countRows() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(Journal.COUNT_ROWS);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
