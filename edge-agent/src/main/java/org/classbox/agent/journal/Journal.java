package org.classbox.agent.journal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.classbox.agent.config.JournalConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 store-and-forward journal. {@link #append} completes only after the record is committed to the file;
 * appends that arrive while a commit is running are committed together in the next one (group commit), so many
 * producers share one write. Record ids increase and are never reused within an {@link #epoch()}.
 */
public final class Journal {
    static final String LOG_FILE = "journal.log";
    /** The log is emptied (after forcing H2) once it grows past this. */
    private static final long LOG_LIMIT_BYTES = 4L * 1024 * 1024;
    /** How often a journal that is not {@link StorageState#OK} checks whether it can work again. */
    static final long STORAGE_CHECK_MILLIS = 2_000;
    private static final Logger logger = LoggerFactory.getLogger(Journal.class);

    /**
     * Meta key of the bytes stored, kept in the same transaction as every change to the records, so that a start
     * never sums a million bodies (seconds) to learn it.
     */
    static final String STORED_BYTES = "storedBytes";

    /** H2 answers this from the primary index's row count (a "direct lookup"), not by reading rows. */
    static final String COUNT_ROWS = "SELECT COUNT(*) FROM records";

    private final Vertx vertx;
    private final JournalConfig config;
    private final LongSupplier clock;
    private final GroupCommit group;
    private final AtomicLong size = new AtomicLong();
    private volatile JournalCounters counters = JournalCounters.empty();
    private volatile Faults faults = Faults.NONE;
    private WorkerExecutor worker;
    private long storageTimer = -1;
    private Connection connection;
    private FileChannel syncChannel;
    private JournalLog log;
    private JournalStatements statements;
    private JournalCounters persistedCounters;
    private RoomMaker roomMaker;
    private BatchReader reader;
    private JournalIdentity identity;
    private StorageGuard storage;
    private long storedBytes;
    private long epoch;
    private long lastId;
    private volatile long lastIdSeen;
    private long nextCheckpointAt = LOG_LIMIT_BYTES;

    public Journal(Vertx vertx, JournalConfig config) {
        this(vertx, config, System::currentTimeMillis);
    }

    /** @param clock epoch milliseconds; records are judged against their class's time-to-live by it */
    public Journal(Vertx vertx, JournalConfig config, LongSupplier clock) {
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        this.group = new GroupCommit(config, this::insert, this::blocking);
    }

    public Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("journal", 1);
        return this.<Void>blocking(() -> {
            StorageProbe probe = new StorageProbe(JournalFile.ensureDir(config.dataDir()), config.minFreeBytes());
            storage = new StorageGuard(config.dataDir(), probe, this::append, () -> {
                closeStore();
                openStore();
            }, () -> counters = counters.plusStorageFull());
            openStore();
            return null;
        }).onSuccess(v -> storageTimer = vertx.setPeriodic(STORAGE_CHECK_MILLIS, id -> checkStorage()));
    }

    /**
     * Opens H2, settles the epoch and the id mark with the side file, and puts back what only the log holds. Also
     * used to reopen the files after a failure closed H2.
     */
    private void openStore() throws SQLException, IOException {
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
        Long keptBytes = JournalFile.readMeta(connection, STORED_BYTES);
        if (config.sync() == JournalConfig.SyncPolicy.FSYNC) {
            log = new JournalLog(config.dataDir().resolve(LOG_FILE), faults);
            if (keptBytes != null) {
                // Written uncommitted, so the restore's commit covers the records and their bytes together.
                keptBytes += restoredBytes(log.replay(), lastId);
                JournalFile.writeMeta(connection, STORED_BYTES, keptBytes);
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
            JournalFile.writeMeta(connection, STORED_BYTES, keptBytes);
            connection.commit();
        }
        storedBytes = keptBytes;
        // No scan: see COUNT_ROWS (1 ms with 1 M rows).
        size.set(countRows());
    }

    public Future<Void> stop() {
        if (worker == null) {
            return Future.succeededFuture();
        }
        if (storageTimer >= 0) {
            vertx.cancelTimer(storageTimer);
            storageTimer = -1;
        }
        Future<Void> closed = blocking(() -> {
            try {
                if (log != null && connection != null && storage.state() == StorageState.OK) {
                    checkpoint();
                    log.clear();
                }
            } finally {
                closeStore();
            }
            return null;
        });
        return closed.eventually(() -> worker.close());
    }

    /**
     * Identifies this journal's incarnation: a journal started without its files gets a new one; after a corrupt H2
     * file the epoch lives on (in {@code journal.state}), so recovered records keep their identity.
     */
    public long epoch() {
        return epoch;
    }

    /** Records stored and not yet removed. */
    public long size() {
        return size.get();
    }

    /** Records dropped and appends refused per class since the journal was created. */
    public JournalCounters counters() {
        return counters;
    }

    /** Bytes the stored records take against {@code journal.budgetMegabytes}. */
    public Future<Long> storedBytes() {
        return blocking(() -> storedBytes);
    }

    /**
     * Appends one entry; the future completes with its id once it is committed to the file (and forced to the
     * device under {@code journal.sync=fsync}), or fails with {@link JournalFullException} when only alarms and
     * events fill the budget.
     */
    public Future<Long> append(JournalEntry entry) {
        return group.append(entry);
    }

    /**
     * Up to {@code limit} records with ids above {@code afterId}, oldest first. Records past their class's
     * time-to-live are dropped (and counted) instead of returned.
     */
    public Future<List<JournalRecord>> readAfter(long afterId, int limit) {
        return readRange(afterId, Long.MAX_VALUE, limit, EnumSet.allOf(RecordClass.class));
    }

    /**
     * Up to {@code limit} records of the given classes with ids in ({@code afterId}, {@code upToId}], oldest first,
     * at a cost that does not grow with the records stored. Records past their class's time-to-live (samples stamped
     * before 2020 excepted) are dropped and counted instead of returned.
     */
    public Future<List<JournalRecord>> readRange(long afterId, long upToId, int limit, Set<RecordClass> classes) {
        if (classes.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return blocking(() -> {
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
        });
    }

    /** The highest id committed so far, read without waiting for the journal worker. */
    public long lastIdNow() {
        return lastIdSeen;
    }

    /** The highest id ever given; records above it at a session's start are that session's live data. */
    public Future<Long> lastId() {
        return blocking(() -> lastId);
    }

    /** Removes acknowledged records; ids already gone are ignored. */
    public Future<Void> remove(List<Long> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture();
        }
        return blocking(() -> {
            JournalStatements.Removed removed;
            try {
                removed = statements.remove(ids, storedBytes);
            } catch (SQLException e) {
                throw new JournalException("cannot remove records " + ids.get(0) + ".." + ids.get(ids.size() - 1)
                        + " from the journal in " + config.dataDir(), e);
            }
            size.addAndGet(-removed.rows());
            storedBytes -= removed.bytes();
            return null;
        });
    }

    /**
     * The next Sparkplug birth/death sequence number (0-255). Its successor is forced to the device (the side file
     * {@code journal.state}) before it is returned, so a restarted agent never reuses the bdSeq of its previous
     * session's NDEATH, power cut or not.
     */
    public Future<Long> nextBdSeq() {
        return blocking(() -> identity.takeBdSeq());
    }

    /** Whether the journal takes appends now. */
    public StorageState storageState() {
        return storage == null ? StorageState.OK : storage.state();
    }

    /** Calls {@code listener} on the caller's context whenever the storage state changes; call after start. */
    public void onStorageState(Consumer<StorageState> listener) {
        if (storage == null) {
            throw new IllegalStateException("journal in " + config.dataDir() + ": onStorageState before start()");
        }
        io.vertx.core.Context context = vertx.getOrCreateContext();
        storage.onChange(state -> context.runOnContext(v -> listener.accept(state)));
    }

    /** Makes the journal's I/O fail where {@code faults} says (tests only). */
    void injectFaults(Faults faults) {
        this.faults = faults;
    }

    /**
     * Inserts what fits, making room as the rules allow; returns each entry's id, or {@link GroupCommit#BUDGET_FULL} or
     * {@link GroupCommit#DISK_FULL} where it was refused. The rule that keeps H2, the log and memory agreeing: ids are reserved
     * on the device first and consumed for good once given to a group (a failed group leaves a gap, never a reuse);
     * a group is acknowledged only once H2 committed it and the log forced it; when the log fails after H2 committed,
     * the group's rows are taken out of H2 again, and what cannot be taken out stays and is counted as stored.
     */
    private List<Long> insert(List<JournalEntry> batch) throws SQLException, IOException {
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
            JournalFile.writeMeta(connection, STORED_BYTES, bytes);
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

    /** Every few seconds while not OK: lets the guard see whether the journal can work again. */
    private void checkStorage() {
        if (storage.state() != StorageState.OK) {
            this.<Void>blocking(() -> {
                storage.check();
                return null;
            }).onFailure(e -> logger.warn("journal in {} still cannot be reopened: {}", config.dataDir(),
                    e.getMessage()));
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            logger.debug("rollback after a failed append in {}: {}", config.dataDir(), e.getMessage());
        }
    }

    /** Closes what is open, ignoring what a failure already closed. */
    private void closeStore() {
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
            JournalFile.writeMeta(connection, STORED_BYTES, storedBytes - freed);
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
        try (PreparedStatement ps = connection.prepareStatement(COUNT_ROWS);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return worker.executeBlocking(work, true);
    }

}
