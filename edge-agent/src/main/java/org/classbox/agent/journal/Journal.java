package org.classbox.agent.journal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
    private final Vertx vertx;
    private final JournalConfig config;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicLong size = new AtomicLong();
    private WorkerExecutor worker;
    private Connection connection;
    private long epoch;
    private long lastId;

    public Journal(Vertx vertx, JournalConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("journal", 1);
        return blocking(() -> {
            connection = JournalFile.open(config.dataDir());
            epoch = JournalFile.readMeta(connection, "epoch");
            lastId = JournalFile.readMeta(connection, "lastId");
            size.set(countRows());
            return null;
        });
    }

    public Future<Void> stop() {
        if (worker == null) {
            return Future.succeededFuture();
        }
        Future<Void> closed = blocking(() -> {
            if (connection != null) {
                connection.close();
                connection = null;
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

    /** Appends one entry; the future completes with its id once it is committed to the file. */
    public Future<Long> append(JournalEntry entry) {
        Promise<Long> promise = Promise.promise();
        queue.add(new Pending(entry, promise));
        flushIfIdle();
        return promise.future();
    }

    /** Up to {@code limit} records with ids above {@code afterId}, oldest first. */
    public Future<List<JournalRecord>> readAfter(long afterId, int limit) {
        return blocking(() -> {
            List<JournalRecord> records = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT id, record_class, stream, taken_at, body"
                    + " FROM records WHERE id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, afterId);
                ps.setInt(2, limit);
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

    /** Removes acknowledged records; ids already gone are ignored. */
    public Future<Void> remove(List<Long> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture();
        }
        return blocking(() -> {
            int removed = 0;
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
                if (result.succeeded()) {
                    batch.get(i).promise.complete(result.result().get(i));
                } else {
                    batch.get(i).promise.fail(result.cause());
                }
            }
            flushIfIdle();
        });
    }

    private List<Long> insert(List<Pending> batch) throws SQLException {
        List<Long> ids = new ArrayList<>(batch.size());
        long id = lastId;
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO records(id, record_class, stream, taken_at, body) VALUES(?, ?, ?, ?, ?)")) {
            for (Pending pending : batch) {
                JournalEntry entry = pending.entry;
                ps.setLong(1, ++id);
                ps.setByte(2, (byte) entry.recordClass().ordinal());
                ps.setString(3, entry.stream());
                ps.setLong(4, entry.takenAt());
                ps.setBytes(5, entry.body());
                ps.addBatch();
                ids.add(id);
            }
            ps.executeBatch();
            JournalFile.writeMeta(connection, "lastId", id);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new JournalException("cannot append " + batch.size() + " records to the journal in "
                    + config.dataDir() + " (ids from " + (lastId + 1) + ")", e);
        }
        lastId = id;
        size.addAndGet(batch.size());
        return ids;
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
