package org.classbox.console.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.classbox.testing.TestPostgres;

/**
 * The one PostgreSQL database every console instance of a test uses as its store (a fresh one from TestPostgres,
 * dropped at close), with the queries the cluster tests ask of it.
 */
final class SharedDatabase implements AutoCloseable {
    private final TestPostgres.Database database = TestPostgres.freshDatabase();

    /** The {@code store.*} settings pointing a console at this database. */
    Map<String, String> storeSettings() {
        return Map.of("store.url", database.url(), "store.user", database.user(), "store.password",
                database.password());
    }

    Connection connect() throws SQLException {
        return database.connect();
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

    /** The single number {@code sql} answers. */
    long count(String sql, Object... args) {
        try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
