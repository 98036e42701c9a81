package org.classbox.agent.lessons.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The lessons' own H2 file ({@code <dataDir>/lessons.mv.db}): schedule, media segments, playlist state and material
 * downloads. Kept apart from the journal so megabytes of media never slow the journal's commits or checkpoints. One
 * connection, used only on the {@code lessons-db} worker: every call is queued there in order, so each capability
 * may run plain JDBC in {@link #call} without locking of its own. Each capability creates its own tables at its
 * start with {@link #schema}. Each commit is written to the file at once ({@code WRITE_DELAY=0}): H2's default
 * half-second delay let a killed agent lose rows it had already acted on (a schedule it acknowledged, a segment it
 * listed).
 */
public final class LessonDatabase {
    /** Work done with the connection, on the lessons worker. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    private final Vertx vertx;
    private final Path dataDir;
    private WorkerExecutor worker;
    private Connection connection;

    public LessonDatabase(Vertx vertx, Path dataDir) {
        this.vertx = vertx;
        this.dataDir = dataDir;
    }

    public Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("lessons-db", 1);
        return worker.executeBlocking(() -> {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("lessons");
            try {
                connection = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "");
            } catch (SQLException e) {
                throw new LessonStorageException("cannot open lesson database " + file.toAbsolutePath()
                        + ".mv.db: " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** Runs {@code work} on the lessons worker, in submission order. */
    public <T> Future<T> call(Work<T> work) {
        if (worker == null) {
            return Future.failedFuture(new LessonStorageException("lesson database " + dataDir + " is not started",
                    null));
        }
        return worker.executeBlocking(() -> {
            try {
                return work.run(connection);
            } catch (SQLException | IOException e) {
                throw new LessonStorageException("lesson database " + dataDir.resolve("lessons.mv.db")
                        + ": " + e.getMessage(), e);
            }
        }, true);
    }

    /** Runs DDL statements ({@code CREATE TABLE IF NOT EXISTS ...}) in order. */
    public Future<Void> schema(String... statements) {
        return call(c -> {
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            return null;
        });
    }

    /** The folder holding the database, for files kept beside it. */
    public Path dataDir() {
        return dataDir;
    }

    public Future<Void> stop() {
        if (worker == null) {
            return Future.succeededFuture();
        }
        WorkerExecutor closing = worker;
        return closing.<Void>executeBlocking(() -> {
            if (connection != null) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException e) {
                    // Already closed by a failed start: nothing left to flush.
                }
                connection = null;
            }
            return null;
        }).eventually(() -> {
            worker = null;
            return closing.close();
        });
    }
}
