package org.classbox.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;

/**
 * The local PostgreSQL server of the tests ({@code .ci/run} installs Debian's postgresql, starts it and creates role
 * {@code classbox} with CREATEDB and database {@code classbox_test}). Each test gets a database of its own from
 * {@link #freshDatabase()}, dropped at {@link Database#close()}, so tests never see each other's rows, even when
 * several test runs share the server. Environment: {@code CLASSBOX_TEST_PG_URL} (the database to connect to for
 * creating others), {@code CLASSBOX_TEST_PG_USER}, {@code CLASSBOX_TEST_PG_PASSWORD}.
 */
public final class TestPostgres {
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/classbox_test";
    private static final AtomicInteger created = new AtomicInteger();

    private TestPostgres() {
    }

    /** A new empty database owned by the test role; fails (never skips) the test when the server is not running. */
    public static Database freshDatabase() {
        String name = String.format(Locale.ROOT, "classbox_t%d_%d_%04x", ProcessHandle.current().pid(),
                created.incrementAndGet(), ThreadLocalRandom.current().nextInt(0x10000));
        try (Connection admin = connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + adminUrl() + ": "
                    + e.getMessage(), e);
        }
        String url = adminUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1");
        return new Database(name, url, user(), password());
    }

    /** The database tests connect to for creating their own. */
    public static String adminUrl() {
        return env("CLASSBOX_TEST_PG_URL", DEFAULT_URL);
    }

    public static String user() {
        return env("CLASSBOX_TEST_PG_USER", "classbox");
    }

    public static String password() {
        return env("CLASSBOX_TEST_PG_PASSWORD", "classbox");
    }

    private static Connection connectAdmin() {
        try {
            return DriverManager.getConnection(adminUrl(), user(), password());
        } catch (SQLException e) {
            // 08xxx: no server there. 28xxx: no such role or wrong password. 3D000: no database classbox_test.
            return Assertions.fail("PostgreSQL is not usable at " + adminUrl() + " as " + user() + " ("
                    + e.getMessage() + "): run .ci/run once, which installs Debian's postgresql, starts the cluster"
                    + " (pg_ctlcluster) and creates role classbox and database classbox_test", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A test's own database; closing it drops it, even with connections still open to it. */
    public record Database(String name, String url, String user, String password) implements AutoCloseable {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public void close() {
            try (Connection admin = connectAdmin(); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop database " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
