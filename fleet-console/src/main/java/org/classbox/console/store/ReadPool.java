package org.classbox.console.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;

/**
 * The store's read connections, one per {@code console-store-read} worker thread of this store, handed to one read at
 * a time. Closing it closes the free connections at once and those in use when their read gives them back.
 */
final class ReadPool {
    private final ArrayDeque<Connection> free = new ArrayDeque<>();
    private final Database database;
    private boolean closed;

    ReadPool(Database database, int size) throws SQLException {
        this.database = database;
        try {
            for (int i = 0; i < size; i++) {
                free.add(database.connect());
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** A connection that is free (or, after a failure closed it, a new one); waits while all are in use. */
    Connection take() throws SQLException, InterruptedException {
        Connection connection;
        synchronized (this) {
            while (free.isEmpty() && !closed) {
                wait();
            }
            if (closed) {
                throw new SQLException("the store is closed");
            }
            connection = free.poll();
        }
        try {
            return database.usable(connection);
        } catch (SQLException e) {
            give(connection);
            throw e;
        }
    }

    synchronized void give(Connection connection) {
        if (closed) {
            Database.close(connection, null);
            return;
        }
        free.add(connection);
        notifyAll();
    }

    synchronized void close() {
        closed = true;
        free.forEach(c -> Database.close(c, null));
        free.clear();
        notifyAll();
    }
}
