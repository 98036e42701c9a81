package org.classbox.console.store;

import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** JDBC batches as the store runs them: one round trip to a PostgreSQL server for many rows. */
final class Batches {
    private Batches() {
    }

    /**
     * Runs the statement's batch and returns the rows it changed. A failing row fails it with that row's own error
     * (the drivers wrap it), so its SQLSTATE still says what went wrong: a data error undoes only its step.
     */
    static int rowsChanged(PreparedStatement ps) throws SQLException {
        int[] counts;
        try {
            counts = ps.executeBatch();
        } catch (BatchUpdateException e) {
            throw ownError(e);
        }
        int changed = 0;
        for (int count : counts) {
            changed += Math.max(count, 0);
        }
        return changed;
    }

    private static SQLException ownError(BatchUpdateException e) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause()
                : t instanceof SQLException sql ? sql.getNextException() : null) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                if (sql != e) {
                    sql.addSuppressed(e);
                }
                return sql;
            }
        }
        return e;
    }
}
