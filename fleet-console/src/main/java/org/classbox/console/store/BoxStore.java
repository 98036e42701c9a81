package org.classbox.console.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.classbox.console.config.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boxes, samples and parked messages in an H2 file or a PostgreSQL database. Writes go through {@link #transaction}
 * on one connection, used only from the single {@code console-store} worker thread, so they never interleave; each
 * commit is made durable before its future completes. Reads run on their own {@code console-store-read} workers and
 * connections ({@code store.readConnections}), so the operators' pages never wait for ingest. Every method returns a
 * Future completed on the caller's context.
 */
public final class BoxStore {
    /** The file H2 keeps everything in, inside {@link StoreConfig#dataDir()}. */
    public static final String FILE_NAME = "console.mv.db";
    private static final Logger log = LoggerFactory.getLogger(BoxStore.class);
    /** Runs of a transaction that conflicts with another console's writes before its failure is reported. */
    private static final int MAX_ATTEMPTS = 4;

    private final Vertx vertx;
    private final StoreConfig config;
    private WorkerExecutor writer;
    private WorkerExecutor readers;
    private volatile Database database;
    private Connection connection;
    private volatile ReadPool readPool;

    public BoxStore(Vertx vertx, StoreConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public Future<Void> start() {
        writer = vertx.createSharedWorkerExecutor("console-store", 1);
        readers = vertx.createSharedWorkerExecutor("console-store-read", config.readConnections());
        return writing("open the store in " + config.where(), () -> {
            try {
                database = Database.open(config);
                connection = database.connect();
                database.prepareSchema(connection);
                readPool = new ReadPool(database, config.readConnections());
                log.info("store open in {} ({} read connections)", config.where(), config.readConnections());
            } catch (SQLException | IOException | RuntimeException e) {
                closeAll(e);
                throw e;
            }
            return null;
        });
    }

    public Future<Void> stop() {
        if (writer == null) {
            return Future.succeededFuture();
        }
        // Through the writer, behind any transaction still running; read connections in use close when their read ends.
        Future<Void> closed = writing("close the store", () -> {
            closeAll(null);
            return null;
        });
        WorkerExecutor closingWriter = writer;
        WorkerExecutor closingReaders = readers;
        writer = null;
        readers = null;
        return closed.eventually(closingWriter::close).eventually(closingReaders::close);
    }

    /** The JDBC URL of the H2 store in {@code dataDir}, for tools that read it while no console runs. */
    public static String jdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("console") + ";WRITE_DELAY=0";
    }

    /**
     * Runs {@code work} in one transaction, commits it and makes it durable before the future completes: what the
     * future reports survives a power cut. If anything fails the transaction is rolled back and the future fails with
     * a {@link StoreException} naming {@code what}. When it conflicts with another console writing the same
     * PostgreSQL database (a row it inserted meanwhile), it is rolled back and run again: {@code work} must do nothing
     * but SQL through the writes it is given, or be safe to repeat.
     */
    public <T> Future<T> transaction(String what, Transaction<T> work) {
        return writing(what, () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    return attempt(work);
                } catch (SQLException e) {
                    if (attempt == MAX_ATTEMPTS || !Dialect.conflict(e)) {
                        throw e;
                    }
                    log.debug("{}: another writer got there first ({}); running it again", what, e.getMessage());
                }
            }
        });
    }

    /**
     * Runs read-only {@code work} on a read connection, without a transaction of its own: it sees what transactions
     * committed, and runs beside them. Writing here would bypass the writer and its durability: don't.
     */
    public <T> Future<T> read(String what, Transaction<T> work) {
        return reading(what, c -> work.apply(new BoxWrites(c)));
    }

    public Future<List<BoxView>> boxes(long now) {
        return reading("list boxes", c -> reads(c).boxes(now));
    }

    /** Every box with this id, in any group (usually one). */
    public Future<List<BoxView>> boxesWithId(String boxId, long now) {
        return reading("read box " + boxId, c -> reads(c).boxesWithId(boxId, now));
    }

    /** The box's newest samples first. */
    public Future<List<Sample>> samples(BoxKey box, int limit) {
        return reading("read samples of " + box, c -> reads(c).samples(box, limit));
    }

    /**
     * A lesson's events in the order the box journaled them: by record id within a journal epoch (the box's clock may
     * jump, its record ids do not), epochs (random numbers) by their first event's time.
     */
    public Future<List<LessonEvent>> lessonEvents(BoxKey box, String lessonId, int limit) {
        return reading("read events of lesson " + lessonId + " of " + box,
                c -> reads(c).lessonEvents(box, lessonId, limit));
    }

    /** Every saved birth, node births first, so a fresh alias book can learn them at start. */
    public Future<List<SavedBirth>> births() {
        return reading("read saved births", c -> reads(c).births());
    }

    /** Messages parked for boxes not yet born, all boxes together. */
    public Future<Long> parkedCount() {
        return reading("count parked messages", c -> reads(c).parkedCount());
    }

    private <T> T attempt(Transaction<T> work) throws SQLException, IOException {
        connection = database.usable(connection);
        try {
            connection.setAutoCommit(false);
            T result = work.apply(new BoxWrites(connection));
            connection.commit();
            connection.setAutoCommit(true);
            database.makeDurable(connection);
            return result;
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
                Database.closeIfBroken(connection);
            }
            throw e;
        }
    }

    private StoreReads reads(Connection c) {
        return new StoreReads(c, config.offlineAfterSeconds() * 1000L);
    }

    private <T> Future<T> writing(String what, Callable<T> work) {
        if (writer == null) {
            return closed(what);
        }
        return writer.executeBlocking(() -> {
            try {
                return work.call();
            } catch (SQLException | IOException e) {
                throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
            }
        }, true);
    }

    private <T> Future<T> reading(String what, SqlWork<T> work) {
        if (readers == null) {
            return closed(what);
        }
        return readers.executeBlocking(() -> {
            ReadPool pool = readPool;
            if (pool == null) {
                throw new StoreException("cannot " + what + ": the store in " + config.where() + " is not open",
                        null);
            }
            Connection c = pool.take();
            try {
                try {
                    return work.apply(c);
                } catch (SQLException e) {
                    if (!Database.closeIfBroken(c)) {
                        throw e;
                    }
                    // The server dropped the connection (a restart, the network): a read runs again safely.
                    c = database.usable(c);
                    return work.apply(c);
                }
            } catch (SQLException e) {
                Database.closeIfBroken(c);
                throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
            } finally {
                pool.give(c);
            }
        }, false);
    }

    private <T> Future<T> closed(String what) {
        return Future.failedFuture(new StoreException("cannot " + what + ": the store in " + config.where()
                + " is closed", null));
    }

    private void closeAll(Exception failure) {
        Database.close(connection, failure);
        connection = null;
        if (readPool != null) {
            readPool.close();
            readPool = null;
        }
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                }
            }
            database = null;
        }
    }

    /** The work of one transaction. */
    @FunctionalInterface
    public interface Transaction<T> {
        T apply(BoxWrites writes) throws SQLException;
    }

    /** A query on one of the store's connections. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
