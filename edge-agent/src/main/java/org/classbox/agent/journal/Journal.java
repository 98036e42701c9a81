package org.classbox.agent.journal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.classbox.agent.config.JournalConfig;

/**
 * The H2 store-and-forward journal. {@link #append} completes only after the record is committed to the file;
 * appends that arrive while a commit is running are committed together in the next one (group commit), so many
 * producers share one write. Record ids increase and are never reused within an {@link #epoch()}.
 */
public final class Journal {
    static final String LOG_FILE = "journal.log";
    /** The log is emptied (after forcing H2) once it grows past this. */
    private static final long LOG_LIMIT_BYTES = 4L * 1024 * 1024;
    /**
     * Meta key of the bytes stored, kept in the same transaction as every change to the records, so that a start
     * never sums a million bodies (seconds) to learn it.
     */
    static final String STORED_BYTES = "storedBytes";

    /** Bytes of the records with the given ids; {@code = ANY(?)} is answered by primary-key lookups. */
    static final String REMOVED_BYTES = "SELECT COALESCE(SUM(OCTET_LENGTH(body)), 0) + COUNT(*) * "
            + RoomMaker.RECORD_OVERHEAD + " FROM records WHERE id = ANY(?)";

    /** H2 answers this from the primary index's row count (a "direct lookup"), not by reading rows. */
    static final String COUNT_ROWS = "SELECT COUNT(*) FROM records";

    private final Vertx vertx;
    private final JournalConfig config;
    private final LongSupplier clock;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicLong size = new AtomicLong();
    private volatile JournalCounters counters = JournalCounters.empty();
    private WorkerExecutor worker;
    private Connection connection;
    private FileChannel syncChannel;
    private JournalLog log;
    private RoomMaker roomMaker;
    private BatchReader reader;
    private long storedBytes;
    private long epoch;
    private long lastId;
    private volatile long lastIdSeen;

    public Journal(Vertx vertx, JournalConfig config) {
        this(vertx, config, System::currentTimeMillis);
    }

    /** @param clock epoch milliseconds; records are judged against their class's time-to-live by it */
    public Journal(Vertx vertx, JournalConfig config, LongSupplier clock) {
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
    }

    public Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("journal", 1);
        return blocking(() -> {
            connection = JournalFile.open(config.dataDir(), config.sync() == JournalConfig.SyncPolicy.NONE);
            syncChannel = FileChannel.open(JournalFile.dbFile(config.dataDir()), StandardOpenOption.READ);
            epoch = JournalFile.readMeta(connection, "epoch");
            lastId = JournalFile.readMeta(connection, "lastId");
            Long keptBytes = JournalFile.readMeta(connection, STORED_BYTES);
            if (config.sync() == JournalConfig.SyncPolicy.FSYNC) {
                log = new JournalLog(config.dataDir().resolve(LOG_FILE));
                if (keptBytes != null) {
                    // Written uncommitted, so the restore's commit covers the records and their bytes together.
                    keptBytes += restoredBytes(log.replay(), lastId);
                    JournalFile.writeMeta(connection, STORED_BYTES, keptBytes);
                }
                lastId = LogRecovery.restore(connection, log.replay(), lastId, config.dataDir());
                checkpoint();
                log.clear();
            }
            lastIdSeen = lastId;
            counters = JournalFile.readCounters(connection);
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
            return null;
        });
    }

    public Future<Void> stop() {
        if (worker == null) {
            return Future.succeededFuture();
        }
        Future<Void> closed = blocking(() -> {
            if (log != null) {
                checkpoint();
                log.clear();
                log.close();
                log = null;
            }
            if (connection != null) {
                connection.close();
                connection = null;
            }
            if (syncChannel != null) {
                syncChannel.close();
                syncChannel = null;
            }
            return null;
        });
        return closed.eventually(() -> worker.close());
    }

    /** Identifies this journal's incarnation: a fresh journal (first start, or after corruption) gets a new one. */
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
        Promise<Long> promise = Promise.promise();
        queue.add(new Pending(entry, promise));
        flushIfIdle();
        return promise.future();
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
            int removed = 0;
            long freed;
            try (PreparedStatement sum = connection.prepareStatement(REMOVED_BYTES)) {
                sum.setObject(1, ids.toArray(new Long[0]));
                try (ResultSet rs = sum.executeQuery()) {
                    rs.next();
                    freed = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM records WHERE id = ?")) {
                for (long id : ids) {
                    ps.setLong(1, id);
                    ps.addBatch();
                }
                for (int count : ps.executeBatch()) {
                    removed += Math.max(count, 0);
                }
                JournalFile.writeMeta(connection, STORED_BYTES, storedBytes - freed);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new JournalException("cannot remove records " + ids.get(0) + ".." + ids.get(ids.size() - 1)
                        + " from the journal in " + config.dataDir(), e);
            }
            size.addAndGet(-removed);
            storedBytes -= freed;
            return null;
        });
    }

    /**
     * The next Sparkplug birth/death sequence number (0-255), persisted so that a restarted agent never reuses the
     * bdSeq of its previous session's NDEATH.
     */
    public Future<Long> nextBdSeq() {
        return blocking(() -> {
            long current = JournalFile.readMeta(connection, "bdSeq");
            JournalFile.writeMeta(connection, "bdSeq", (current + 1) % 256);
            connection.commit();
            return current;
        });
    }

    private void flushIfIdle() {
        if (queue.isEmpty() || !flushing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < config.maxBatch() && (next = queue.poll()) != null) {
            batch.add(next);
        }
        blocking(() -> insert(batch)).onComplete(result -> {
            flushing.set(false);
            for (int i = 0; i < batch.size(); i++) {
                if (result.failed()) {
                    batch.get(i).promise.fail(result.cause());
                } else if (result.result().get(i) < 0) {
                    JournalEntry entry = batch.get(i).entry;
                    batch.get(i).promise.fail(new JournalFullException("journal in " + config.dataDir() + " is full ("
                            + config.budgetMegabytes() + " MB of alarms and events): refused a "
                            + entry.recordClass().name().toLowerCase(java.util.Locale.ROOT) + " record of "
                            + entry.body().length + " bytes for stream '" + entry.stream() + "'"));
                } else {
                    batch.get(i).promise.complete(result.result().get(i));
                }
            }
            flushIfIdle();
        });
    }

    /** Inserts what fits, making room as the rules allow; returns each entry's id, or -1 where it was refused. */
    private List<Long> insert(List<Pending> batch) throws SQLException, IOException {
        List<Long> ids = new ArrayList<>(batch.size());
        List<JournalRecord> accepted = new ArrayList<>(batch.size());
        long id = lastId;
        long bytes = storedBytes;
        JournalCounters before = counters;
        long now = clock.getAsLong();
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO records(id, record_class, stream, taken_at, body) VALUES(?, ?, ?, ?, ?)")) {
            for (Pending pending : batch) {
                JournalEntry entry = pending.entry;
                long needed = bytes + RoomMaker.sizeOf(entry) - config.budgetBytes();
                if (needed > 0) {
                    bytes -= roomMaker.makeRoom(needed, entry.recordClass(), now);
                }
                if (bytes + RoomMaker.sizeOf(entry) > config.budgetBytes()) {
                    counters = counters.plusRefused(entry.recordClass());
                    ids.add(-1L);
                    continue;
                }
                bytes += RoomMaker.sizeOf(entry);
                ps.setLong(1, ++id);
                ps.setByte(2, (byte) entry.recordClass().ordinal());
                ps.setString(3, entry.stream());
                ps.setLong(4, entry.takenAt());
                ps.setBytes(5, entry.body());
                ps.addBatch();
                ids.add(id);
                accepted.add(new JournalRecord(id, entry));
            }
            ps.executeBatch();
            JournalFile.writeMeta(connection, "lastId", id);
            JournalFile.writeMeta(connection, STORED_BYTES, bytes);
            if (!counters.equals(before)) {
                JournalFile.writeCounters(connection, counters);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            counters = before;
            throw new JournalException("cannot append " + batch.size() + " records to the journal in "
                    + config.dataDir() + " (ids from " + (lastId + 1) + ")", e);
        }
        if (log != null) {
            // One device flush per group commit, of an append-only file: every append in the batch shares it.
            log.append(accepted);
            if (log.size() > LOG_LIMIT_BYTES) {
                checkpoint();
                log.clear();
            }
        }
        long dropped = 0;
        for (RecordClass c : RecordClass.values()) {
            dropped += counters.dropped().get(c) - before.dropped().get(c);
        }
        size.addAndGet(id - lastId - dropped);
        lastId = id;
        lastIdSeen = id;
        storedBytes = bytes;
        return ids;
    }

    /** Makes H2 write everything committed to its file and force it to the device, so the log may be emptied. */
    private void checkpoint() throws SQLException, IOException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
        syncChannel.force(false);
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
        storedBytes -= freed;
        size.addAndGet(-records.size());
    }

    private static long restoredBytes(List<JournalRecord> logged, long lastId) {
        return logged.stream().filter(r -> r.id() > lastId).mapToLong(r -> RoomMaker.sizeOf(r.entry())).sum();
    }

    private void countDropped(RecordClass recordClass, long count) {
        counters = counters.plusDropped(recordClass, count);
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

    private record Pending(JournalEntry entry, Promise<Long> promise) {
    }
}
