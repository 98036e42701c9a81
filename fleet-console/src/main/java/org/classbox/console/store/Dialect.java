package org.classbox.console.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What differs between the two databases the console stores in; everything else (every statement of the store and
 * of the other capabilities) is the same portable SQL. The schema has one source, written with H2's type names
 * ({@code /sql/schema-h2.sql}), translated here for PostgreSQL.
 */
enum Dialect {
    /** H2 embedded in the console: one process owns the file. */
    H2 {
        @Override
        String schema(String h2Schema) {
            return h2Schema;
        }

        @Override
        void lockSchema(Connection connection) {
            // H2 locks the file for the one console that opens it: nobody else changes the schema meanwhile.
        }

        @Override
        String identifier(String name) {
            return name.toUpperCase(Locale.ROOT);
        }

        @Override
        void prepareSession(Connection connection) {
        }
    },
    /** A PostgreSQL server, possibly written by several consoles at once. */
    POSTGRESQL {
        @Override
        String schema(String h2Schema) {
            return h2Schema.replaceAll("\\bBLOB\\b", "BYTEA")
                    .replaceAll("\\bCLOB\\b", "TEXT")
                    .replaceAll("\\bTINYINT\\b", "SMALLINT")
                    .replaceAll("\\bDOUBLE\\b(?!\\s+PRECISION)", "DOUBLE PRECISION");
        }

        @Override
        void lockSchema(Connection connection) throws SQLException {
            // Two consoles starting together would both run CREATE TABLE IF NOT EXISTS, and PostgreSQL can fail the
            // second with a duplicate key on its catalog: one at a time, until this transaction ends.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
            }
        }

        @Override
        String identifier(String name) {
            return name.toLowerCase(Locale.ROOT);
        }

        @Override
        void prepareSession(Connection connection) throws SQLException {
            // A commit returns once its WAL is flushed: what the store acknowledges survives a power cut, without the
            // H2 file's checkpoint and fsync. The server's default may be off; this session insists.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET synchronous_commit TO on");
            }
        }
    };

    /** The schema version this console writes; a store of a newer one is refused rather than misread. */
    static final long SCHEMA_VERSION = 2;
    /** Any constant, the same for every console: the advisory lock that serializes schema changes. */
    private static final long SCHEMA_LOCK = 0x636c617373626f78L;

    /** The dialect of a JDBC URL the console opens. */
    static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
    }

    /** The schema text in this database's type names. */
    abstract String schema(String h2Schema);

    /** Keeps other consoles from changing the schema until the caller's transaction ends. */
    abstract void lockSchema(Connection connection) throws SQLException;

    /** An unquoted identifier as the database keeps it in INFORMATION_SCHEMA. */
    abstract String identifier(String name);

    /** Settings of every connection, at open. */
    abstract void prepareSession(Connection connection) throws SQLException;

    /**
     * Whether the failure is another writer's doing, so running the transaction again will see its rows and pass:
     * a unique key taken meanwhile (two consoles storing the same record during a takeover), a serialization
     * failure or a deadlock. SQLSTATE codes are the standard's, in both databases.
     */
    static boolean conflict(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "40001".equals(state) || "40P01".equals(state);
    }

    /**
     * Refuses a store this console would misread: one written by an older console (schema 1 keyed boxes by box id
     * alone; its rows cannot be given a group after the fact) or by a newer one.
     */
    void requireCurrentSchema(Connection connection, String where) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ? AND COLUMN_NAME IN (?, ?)")) {
            ps.setString(1, identifier("samples"));
            ps.setString(2, identifier("box_id"));
            ps.setString(3, identifier("group_id"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) == 1) {
                    throw new SQLException("the store in " + where + " was written by an older console (schema 1,"
                            + " boxes without groups); move it aside to start a new one");
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ?")) {
            ps.setString(1, identifier("store_meta"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT val FROM store_meta WHERE name = 'schema'");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getLong(1) > SCHEMA_VERSION) {
                throw new SQLException("the store in " + where + " was written by a newer console (schema "
                        + rs.getLong(1) + ", this console knows " + SCHEMA_VERSION + "); run that console");
            }
        }
    }
}
