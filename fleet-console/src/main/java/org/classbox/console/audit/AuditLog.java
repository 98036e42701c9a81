package org.classbox.console.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Appends one row to {@code audit_log} inside the caller's transaction, so an action and its audit row commit
 * together or not at all. Actions are short verbs: {@code login}, {@code login-failed}, {@code logout},
 * {@code command}, {@code command-outcome}, {@code alarm-ack}, {@code account}.
 */
public final class AuditLog {
    private AuditLog() {
    }

    public static void append(Connection connection, long at, String operator, String action, String target,
                              String detail, String outcome) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO audit_log(at, operator, action, target,"
                + " detail, outcome) VALUES(?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, at);
            ps.setString(2, cut(operator, 64));
            ps.setString(3, cut(action, 32));
            ps.setString(4, cut(target, 256));
            ps.setString(5, cut(detail, 1024));
            ps.setString(6, cut(outcome, 256));
            ps.executeUpdate();
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
