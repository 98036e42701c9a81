package org.classbox.console.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The SQL of {@code operators}, run inside the caller's store transaction (on the store's worker). */
final class OperatorTable {
    private static final String COLUMNS = "name, role, password_hash, created_at, disabled, must_change";

    private OperatorTable() {
    }

    static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM operators");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Account find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM operators WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? account(rs) : null;
            }
        }
    }

    static List<Account> all(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM operators ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            List<Account> accounts = new ArrayList<>();
            while (rs.next()) {
                accounts.add(account(rs));
            }
            return accounts;
        }
    }

    /** Inserts the account unless the name is taken; returns whether it was inserted. */
    static boolean insert(Connection c, Account a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO operators(" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM operators WHERE name = ?)")) {
            ps.setString(1, a.name());
            ps.setString(2, a.role().name().toLowerCase(Locale.ROOT));
            ps.setString(3, a.passwordHash());
            ps.setLong(4, a.createdAt());
            ps.setBoolean(5, a.disabled());
            ps.setBoolean(6, a.mustChange());
            ps.setString(7, a.name());
            return ps.executeUpdate() == 1;
        }
    }

    static boolean setPassword(Connection c, String name, String hash, boolean mustChange) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE operators SET password_hash = ?, must_change = ? WHERE name = ?")) {
            ps.setString(1, hash);
            ps.setBoolean(2, mustChange);
            ps.setString(3, name);
            return ps.executeUpdate() == 1;
        }
    }

    static boolean delete(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM operators WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        }
    }

    static long countAdmins(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM operators WHERE role = 'admin' AND disabled = FALSE");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Role role(String text) {
        return Role.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString(1), role(rs.getString(2)), rs.getString(3), rs.getLong(4), rs.getBoolean(5),
                rs.getBoolean(6));
    }
}
