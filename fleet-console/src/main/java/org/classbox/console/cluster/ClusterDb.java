package org.classbox.console.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The cluster's rows in the shared database: instances, shard leases, groups. One connection of its own on the
 * single {@code console-cluster} worker, so a heartbeat never waits behind an ingest batch; a broken connection is
 * opened again at the next call. Time is the database's clock, so the instances' clocks need not agree.
 */
final class ClusterDb {
    /** Where JDBC connections come from: the shared PostgreSQL database (tests may hand another). */
    interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /**
     * What one heartbeat learned: the database time, live instances, leases renewed, shards the instance may take
     * (free, expired or its own), known groups.
     */
    record Beat(long now, int liveInstances, Set<Integer> renewed, List<Integer> free, List<String> groups) {
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private final Vertx vertx;
    private final ConnectionFactory factory;
    private final int shards;
    private WorkerExecutor worker;
    private Connection connection;

    ClusterDb(Vertx vertx, ConnectionFactory factory, int shards) {
        this.vertx = vertx;
        this.factory = factory;
        this.shards = shards;
    }

    /** Creates the cluster's tables where missing and one lease row per shard. */
    Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("console-cluster", 1);
        return blocking(c -> {
            try (Statement statement = c.createStatement()) {
                for (String sql : schema().split(";")) {
                    if (!sql.isBlank()) {
                        createConcurrently(statement, sql);
                    }
                }
            }
            for (int shard = 0; shard < shards; shard++) {
                insertIgnoringDuplicate(c, "INSERT INTO shard_leases (shard, owner, expires_at) SELECT ?, '', 0"
                        + " WHERE NOT EXISTS (SELECT 1 FROM shard_leases WHERE shard = ?)", shard, shard);
            }
            return null;
        });
    }

    Future<Void> stop() {
        if (worker == null) {
            return Future.succeededFuture();
        }
        Future<Void> closed = worker.executeBlocking(() -> {
            if (connection != null) {
                connection.close();
                connection = null;
            }
            return null;
        });
        WorkerExecutor closing = worker;
        worker = null;
        return closed.eventually(closing::close);
    }

    /** Registers {@code instance} alive, renews the leases it holds and reads what it needs to decide its share. */
    Future<Beat> heartbeat(String instance, long leaseMillis, Collection<Integer> held) {
        List<Integer> holding = List.copyOf(held);
        return blocking(c -> {
            long now = now(c);
            if (update(c, "UPDATE console_instances SET heartbeat_at = ? WHERE id = ?", now, instance) == 0) {
                insertIgnoringDuplicate(c, "INSERT INTO console_instances (id, heartbeat_at) VALUES (?, ?)", instance,
                        now);
            }
            Set<Integer> renewed = new HashSet<>();
            for (int shard : holding) {
                if (update(c, "UPDATE shard_leases SET expires_at = ? WHERE shard = ? AND owner = ?",
                        now + leaseMillis, shard, instance) == 1) {
                    renewed.add(shard);
                }
            }
            long live = longs(c, "SELECT COUNT(*) FROM console_instances WHERE heartbeat_at > ?",
                    now - leaseMillis).get(0);
            List<Integer> free = new ArrayList<>();
            // Its own too: an instance restarted under the same id gets its shards back without waiting for them.
            for (long shard : longs(c, "SELECT shard FROM shard_leases WHERE (owner = '' OR owner = ?"
                    + " OR expires_at < ?) AND shard < ? ORDER BY shard", instance, now, shards)) {
                free.add((int) shard);
            }
            List<String> groups = strings(c, "SELECT group_id FROM fleet_groups");
            return new Beat(now, (int) Math.max(1, live), renewed, free, groups);
        });
    }

    /** Takes {@code shard} if it is free or its lease expired; false when another instance holds it. */
    Future<Boolean> take(String instance, int shard, long leaseMillis) {
        return blocking(c -> {
            long now = now(c);
            return update(c, "UPDATE shard_leases SET owner = ?, expires_at = ? WHERE shard = ?"
                    + " AND (owner = '' OR owner = ? OR expires_at < ?)", instance, now + leaseMillis, shard, instance,
                    now) == 1;
        });
    }

    /** Gives {@code shard} back, if {@code instance} still holds it. */
    Future<Void> release(String instance, int shard) {
        return blocking(c -> {
            update(c, "UPDATE shard_leases SET owner = '', expires_at = 0 WHERE shard = ? AND owner = ?", shard,
                    instance);
            return null;
        });
    }

    /** {@code instance} stops: it no longer counts among the live ones. */
    Future<Void> leave(String instance) {
        return blocking(c -> {
            update(c, "DELETE FROM console_instances WHERE id = ?", instance);
            return null;
        });
    }

    /** Adds groups not known yet. */
    Future<Void> addGroups(Collection<String> groups) {
        List<String> adding = List.copyOf(groups);
        return blocking(c -> {
            for (String group : adding) {
                insertIgnoringDuplicate(c, "INSERT INTO fleet_groups (group_id) SELECT ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM fleet_groups WHERE group_id = ?)", group, group);
            }
            return null;
        });
    }

    /**
     * PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against itself: two instances starting together may both
     * try, and the later one fails on the catalog's unique index. The table is there either way.
     */
    private static void createConcurrently(Statement statement, String sql) throws SQLException {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static long now(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            rs.next();
            return rs.getTimestamp(1).getTime();
        }
    }

    /** Two instances may insert the same row at once: the loser's insert is a no-op, not an error. */
    private static void insertIgnoringDuplicate(Connection c, String sql, Object... args) throws SQLException {
        try {
            update(c, sql, args);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    private static List<Long> longs(Connection c, String sql, Object... args) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    /** The cluster's section of the console's schema (the same statements run on H2 and PostgreSQL). */
    private static String schema() throws IOException {
        try (InputStream in = ClusterDb.class.getResourceAsStream("/sql/schema-h2.sql")) {
            if (in == null) {
                throw new IOException("schema resource /sql/schema-h2.sql missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int begin = text.indexOf("-- cluster:begin");
            int end = text.indexOf("-- cluster:end");
            return text.substring(begin, end).replaceAll("(?m)^--.*$", "");
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    private <T> Future<T> blocking(Work<T> work) {
        if (worker == null) {
            return Future.failedFuture(new IllegalStateException("the cluster's database connection is closed"));
        }
        Callable<T> call = () -> {
            if (connection == null || connection.isClosed()) {
                connection = factory.open();
            }
            try {
                return work.run(connection);
            } catch (SQLException e) {
                // Whatever broke, the next call starts from a new connection.
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // Already broken.
                }
                connection = null;
                throw e;
            }
        };
        return worker.executeBlocking(call, true);
    }
}
