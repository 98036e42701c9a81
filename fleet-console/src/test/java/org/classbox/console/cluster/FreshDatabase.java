package org.classbox.console.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;

/**
 * A PostgreSQL database of the test's own on the local server (role classbox, CREATEDB), dropped at close. Stands in
 * for test-support's TestPostgres until that is merged.
 */
final class FreshDatabase implements AutoCloseable {
    static final String SERVER = System.getenv().getOrDefault("CLASSBOX_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/classbox_test");
    static final String USER = "classbox";
    static final String PASSWORD = "classbox";

    private final String name = "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    FreshDatabase() throws SQLException {
        execute("CREATE DATABASE " + name);
    }

    String url() {
        return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    /** How many shards each instance holds now (free shards not counted). */
    Map<String, Integer> leaseOwners() {
        Map<String, Integer> owners = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT owner, COUNT(*) FROM shard_leases WHERE owner <> ''"
                     + " GROUP BY owner")) {
            while (rs.next()) {
                owners.put(rs.getString(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return owners;
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            Assertions.fail("PostgreSQL at " + SERVER + " (user classbox) is needed: .ci/run starts it; "
                    + e.getMessage(), e);
        }
    }
}
