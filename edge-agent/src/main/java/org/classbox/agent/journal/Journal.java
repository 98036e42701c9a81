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

    private final Vertx vertx;
    private final JournalConfig config;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicLong size = new AtomicLong();
    private volatile JournalCounters counters = JournalCounters.empty();
    private WorkerExecutor worker;
    private Connection connection;
    private FileChannel syncChannel;
    private JournalLog log;
    private RoomMaker roomMaker;
    private long storedBytes;
    private long epoch;
    private long lastId;
    private volatile long lastIdSeen;

    public Journal(Vertx vertx, JournalConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("journal", 1);
        return blocking(() -> {
            connection = JournalFile.open(config.dataDir(), config.sync() == JournalConfig.SyncPolicy.NONE);
            syncChannel = FileChannel.open(JournalFile.dbFile(config.dataDir()), StandardOpenOption.READ);
            epoch = JournalFile.readMeta(connection, "epoch");
            lastId = JournalFile.readMeta(connection, "lastId");
            if (config.sync() == JournalConfig.SyncPolicy.FSYNC) {
                log = new JournalLog(config.dataDir().resolve(LOG_FILE));
                lastId = LogRecovery.restore(connection, log.replay(), lastId, config.dataDir());
                checkpoint();
                log.clear();
            }
            lastIdSeen = lastId;
            counters = JournalFile.readCounters(connection);
            roomMaker = new RoomMaker(connection, config, this::countDropped);
            storedBytes = RoomMaker.storedBytes(connection);
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

    /** Up to {@code limit} records with ids above {@code afterId}, oldest first. */
    public Future<List<JournalRecord>> readAfter(long afterId, int limit) {
        return readRange(afterId, Long.MAX_VALUE, limit, EnumSet.allOf(RecordClass.class));
    }

    /** Up to {@code limit} records of the given classes with ids in ({@code afterId}, {@code upToId}], oldest first. */
    public Future<List<JournalRecord>> readRange(long afterId, long upToId, int limit, Set<RecordClass> classes) {
        if (classes.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return blocking(() -> {
            List<JournalRecord> records = new ArrayList<>();
            Object[] classCodes = classes.stream().map(c -> (byte) c.ordinal()).toArray();
            try (PreparedStatement ps = connection.prepareStatement("SELECT id, record_class, stream, taken_at, body"
                    + " FROM records WHERE id > ? AND id <= ? AND record_class = ANY(?) ORDER BY id LIMIT ?")) {
                ps.setLong(1, afterId);
                ps.setLong(2, upToId);
                ps.setObject(3, classCodes);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        records.add(new JournalRecord(rs.getLong(1), new JournalEntry(
                                RecordClass.values()[rs.getByte(2)], rs.getString(3), rs.getLong(4), rs.getBytes(5))));
                    }
                }
            }
            connection.commit();
            return records;
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
            try (PreparedStatement sum = connection.prepareStatement("SELECT COALESCE(SUM(OCTET_LENGTH(body)), 0)"
                    + " + COUNT(*) * " + RoomMaker.RECORD_OVERHEAD + " FROM records WHERE id BETWEEN ? AND ?"
                    + " AND id = ANY(?)")) {
                // The range lets H2 use the primary key instead of testing every row against the array.
                sum.setLong(1, ids.stream().mapToLong(Long::longValue).min().orElse(0));
                sum.setLong(2, ids.stream().mapToLong(Long::longValue).max().orElse(0));
                sum.setObject(3, ids.toArray(new Long[0]));
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
        long now = System.currentTimeMillis();
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

    private void countDropped(RecordClass recordClass, long count) {
        counters = counters.plusDropped(recordClass, count);
    }

    private long countRows() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM records");
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
