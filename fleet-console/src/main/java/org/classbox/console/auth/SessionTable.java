package org.classbox.console.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The SQL of {@code sessions}, run inside the caller's store transaction (on the store's worker). */
final class SessionTable {
    private SessionTable() {
    }

    static void insert(Connection c, String idHash, String operator, String csrfToken, long now, long expiresAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions(id_hash, operator, csrf_token,"
                + " created_at, last_used_at, expires_at) VALUES(?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, idHash);
            ps.setString(2, operator);
            ps.setString(3, csrfToken);
            ps.setLong(4, now);
            ps.setLong(5, now);
            ps.setLong(6, expiresAt);
            ps.executeUpdate();
        }
    }

    /** The session with its operator's current account, or null when there is no such session or account. */
    static Session find(Connection c, String idHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.id_hash, s.csrf_token, s.created_at,"
                + " s.last_used_at, s.expires_at, o.name, o.role, o.password_hash, o.created_at, o.disabled,"
                + " o.must_change FROM sessions s JOIN operators o ON o.name = s.operator WHERE s.id_hash = ?")) {
            ps.setString(1, idHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Account account = new Account(rs.getString(6), OperatorTable.role(rs.getString(7)), rs.getString(8),
                        rs.getLong(9), rs.getBoolean(10), rs.getBoolean(11));
                return new Session(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        account);
            }
        }
    }

    static void touch(Connection c, String idHash, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET last_used_at = ? WHERE id_hash = ?")) {
            ps.setLong(1, now);
            ps.setString(2, idHash);
            ps.executeUpdate();
        }
    }

    static boolean delete(Connection c, String idHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE id_hash = ?")) {
            ps.setString(1, idHash);
            return ps.executeUpdate() == 1;
        }
    }

    /** Ends every session of an operator but {@code keepIdHash} (null: all), after a password change or deletion. */
    static int deleteOf(Connection c, String operator, String keepIdHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE operator = ? AND id_hash <> ?")) {
            ps.setString(1, operator);
            ps.setString(2, keepIdHash == null ? "" : keepIdHash);
            return ps.executeUpdate();
        }
    }

    /** Forgets sessions past their absolute or idle end, so the table does not grow with every login. */
    static int deleteExpired(Connection c, long now, long idleMillis) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM sessions WHERE expires_at <= ? OR last_used_at <= ?")) {
            ps.setLong(1, now);
            ps.setLong(2, now - idleMillis);
            return ps.executeUpdate();
        }
    }
}
