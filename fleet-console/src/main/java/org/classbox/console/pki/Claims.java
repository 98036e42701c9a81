package org.classbox.console.pki;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL of the {@code claims} table, run inside the caller's transaction or read. Portable: H2 and PostgreSQL. */
final class Claims {
    private static final String COLUMNS = "id, group_id, box_id, created_at, created_by, expires_at, used_at,"
            + " used_serial";

    /** A claim as stored: never its code. {@code usedAt} and {@code usedSerial} are null until a box used it. */
    record Claim(long id, String group, String box, long createdAt, String createdBy, long expiresAt, Long usedAt,
                 String usedSerial) {
    }

    private Claims() {
    }

    /** Stores a new claim and answers its id. */
    static long insert(Connection c, String codeHash, String group, String box, long now, String by, long expiresAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO claims(code_hash, group_id, box_id, created_at,"
                + " created_by, expires_at) VALUES(?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, codeHash);
            ps.setString(2, group);
            ps.setString(3, box);
            ps.setLong(4, now);
            ps.setString(5, by);
            ps.setLong(6, expiresAt);
            ps.executeUpdate();
        }
        // Read back by the unique hash: getGeneratedKeys differs between the two drivers.
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM claims WHERE code_hash = ?")) {
            ps.setString(1, codeHash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The claim with this code hash, or null. */
    static Claim byHash(Connection c, String codeHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM claims WHERE code_hash = ?")) {
            ps.setString(1, codeHash);
            List<Claim> found = rows(ps);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    /** Marks the claim used; false if another request used it first (then the caller's transaction must not go on). */
    static boolean use(Connection c, long id, long now, String serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE claims SET used_at = ?, used_serial = ?"
                + " WHERE id = ? AND used_at IS NULL")) {
            ps.setLong(1, now);
            ps.setString(2, serial);
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** The newest claims first. */
    static List<Claim> list(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM claims ORDER BY id DESC"
                + " LIMIT ?")) {
            ps.setInt(1, limit);
            return rows(ps);
        }
    }

    private static List<Claim> rows(PreparedStatement ps) throws SQLException {
        List<Claim> claims = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long usedAt = rs.getLong(7);
                Long used = rs.wasNull() ? null : usedAt;
                claims.add(new Claim(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getLong(6), used, rs.getString(8)));
            }
        }
        return claims;
    }
}
