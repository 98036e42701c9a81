package org.classbox.console.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.classbox.console.config.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind the store, H2 file or PostgreSQL server: opens its connections, creates the schema and makes
 * a commit durable the way that database needs. Blocking; used on the store's workers only, and on the cluster's
 * worker, whose leases live in the same PostgreSQL database ({@link #open}, {@link #connect}).
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final StoreConfig config;
    private final String url;
    private final Dialect dialect;
    private final Properties login = new Properties();
    private FileChannel syncChannel;

    private Database(StoreConfig config) {
        this.config = config;
        this.url = config.postgresql() ? config.url() : BoxStore.jdbcUrl(config.dataDir());
        this.dialect = Dialect.of(url);
        if (config.postgresql()) {
            login.setProperty("user", config.login().user());
            login.setProperty("password", config.login().secret());
            // Names the console in pg_stat_activity, beside other consoles and tools.
            login.setProperty("ApplicationName", "classbox-console");
        } else {
            login.setProperty("user", "console");
            login.setProperty("password", "");
        }
    }

    /** The database {@code config} names; nothing is opened before {@link #connect}. */
    public static Database open(StoreConfig config) throws IOException {
        if (!config.postgresql()) {
            Files.createDirectories(config.dataDir());
        }
        try {
            return new Database(config);
        } catch (UncheckedIOException e) {
            throw new IOException(e.getMessage(), e.getCause());
        }
    }

    /** A new connection with this database's session settings. */
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, login);
        try {
            dialect.prepareSession(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** {@code connection}, or a new one when it is missing or was closed after a failure. */
    Connection usable(Connection connection) throws SQLException {
        return connection != null && !connection.isClosed() ? connection : connect();
    }

    /**
     * After a failure on {@code connection}: closes it if it no longer answers (the server restarted, the network
     * dropped it), so that {@link #usable} opens a new one for the next work instead of failing forever. Returns
     * whether it was broken.
     */
    static boolean closeIfBroken(Connection connection) {
        try {
            if (connection == null) {
                return false;
            }
            if (connection.isClosed()) {
                return true; // the driver saw the server end it
            }
            if (connection.isValid(2)) {
                return false;
            }
            log.info("a store connection stopped answering; the next work opens a new one");
            connection.close();
        } catch (SQLException e) {
            log.debug("closing a broken store connection: {}", e.getMessage());
        }
        return true;
    }

    /** Closes {@code connection}, adding what failed to {@code failure} when there is one. */
    static void close(Connection connection, Exception failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                log.debug("closing a store connection: {}", e.getMessage());
            }
        }
    }

    /** Checks the store's schema version and creates what is missing, in one transaction. */
    void prepareSchema(Connection writer) throws SQLException, IOException {
        String schema = dialect.schema(schemaText());
        writer.setAutoCommit(false);
        try (Statement statement = writer.createStatement()) {
            dialect.lockSchema(writer);
            dialect.requireCurrentSchema(writer, config.where());
            for (String sql : schema.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            writer.commit();
        } catch (SQLException e) {
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
        if (dialect == Dialect.POSTGRESQL) {
            warnIfFsyncOff(writer);
        } else {
            // fsync applies to the file, whichever descriptor asks: a read-only channel of our own forces what H2
            // wrote through its own.
            syncChannel = FileChannel.open(config.dataDir().resolve(BoxStore.FILE_NAME), StandardOpenOption.READ);
        }
    }

    /**
     * Makes the transaction {@code writer} just committed survive a power cut: H2 writes its file and this forces it
     * to the device; a PostgreSQL commit already waited for its WAL flush (synchronous_commit on).
     */
    void makeDurable(Connection writer) throws SQLException, IOException {
        if (syncChannel == null) {
            return;
        }
        try (Statement statement = writer.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
        syncChannel.force(false);
    }

    @Override
    public void close() throws IOException {
        if (syncChannel != null) {
            syncChannel.close();
        }
    }

    private static void warnIfFsyncOff(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW fsync")) {
            if (rs.next() && "off".equals(rs.getString(1))) {
                log.warn("PostgreSQL runs with fsync off: a power cut of its server loses rows the console"
                        + " acknowledged to the boxes");
            }
        }
    }

    private static String schemaText() throws IOException {
        try (InputStream in = BoxStore.class.getResourceAsStream("/sql/schema-h2.sql")) {
            if (in == null) {
                throw new IOException("schema resource /sql/schema-h2.sql missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replaceAll("(?m)^--.*$", "");
        }
    }
}
