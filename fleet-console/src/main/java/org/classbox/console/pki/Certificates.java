package org.classbox.console.pki;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL of the {@code certificates} table, run inside the caller's transaction or read. Portable: H2 and PostgreSQL. */
final class Certificates {
    private static final String COLUMNS = "serial, group_id, box_id, not_before, not_after, issued_at, revoked_at,"
            + " reason";

    /** A certificate the CA signed; {@code revokedAt} and {@code reason} are null while it stands. */
    record Issued(String serial, String group, String box, long notBefore, long notAfter, long issuedAt,
                  Long revokedAt, String reason) {
        boolean revoked() {
            return revokedAt != null;
        }
    }

    private Certificates() {
    }

    static void insert(Connection c, Issued cert, long claimId, String pem) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO certificates(serial, group_id, box_id,"
                + " not_before, not_after, issued_at, claim_id, pem) VALUES(?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, cert.serial());
            ps.setString(2, cert.group());
            ps.setString(3, cert.box());
            ps.setLong(4, cert.notBefore());
            ps.setLong(5, cert.notAfter());
            ps.setLong(6, cert.issuedAt());
            ps.setLong(7, claimId);
            ps.setString(8, pem);
            ps.executeUpdate();
        }
    }

    /** Revokes the box's certificates still standing, but {@code except}; answers how many. */
    static int supersede(Connection c, String group, String box, String except, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE certificates SET revoked_at = ?, reason = 'superseded'"
                + " WHERE group_id = ? AND box_id = ? AND serial <> ? AND revoked_at IS NULL")) {
            ps.setLong(1, now);
            ps.setString(2, group);
            ps.setString(3, box);
            ps.setString(4, except);
            return ps.executeUpdate();
        }
    }

    /** Revokes one certificate; false when it was revoked already (or is not there). */
    static boolean revoke(Connection c, String serial, long now, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE certificates SET revoked_at = ?, reason = ?"
                + " WHERE serial = ? AND revoked_at IS NULL")) {
            ps.setLong(1, now);
            ps.setString(2, reason);
            ps.setString(3, serial);
            return ps.executeUpdate() == 1;
        }
    }

    static Issued find(Connection c, String serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM certificates WHERE serial = ?")) {
            ps.setString(1, serial);
            List<Issued> found = rows(ps);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    /** Newest first; {@code group} and {@code box} null for any. */
    static List<Issued> list(Connection c, String group, String box, int limit) throws SQLException {
        String where = (group == null ? "" : " AND group_id = ?") + (box == null ? "" : " AND box_id = ?");
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM certificates WHERE 1 = 1" + where
                + " ORDER BY issued_at DESC, serial LIMIT ?")) {
            int i = 1;
            if (group != null) {
                ps.setString(i++, group);
            }
            if (box != null) {
                ps.setString(i++, box);
            }
            ps.setInt(i, limit);
            return rows(ps);
        }
    }

    /** Every revoked certificate not yet expired at {@code now}: what the CRL lists. */
    static List<Issued> revoked(Connection c, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM certificates"
                + " WHERE revoked_at IS NOT NULL AND not_after > ? ORDER BY revoked_at, serial")) {
            ps.setLong(1, now);
            return rows(ps);
        }
    }

    /** Every box with a standing, unexpired certificate, with its group. */
    static List<Issued> standing(Connection c, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM certificates"
                + " WHERE revoked_at IS NULL AND not_after > ? ORDER BY box_id, group_id")) {
            ps.setLong(1, now);
            return rows(ps);
        }
    }

    private static List<Issued> rows(PreparedStatement ps) throws SQLException {
        List<Issued> certs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long revokedAt = rs.getLong(7);
                Long revoked = rs.wasNull() ? null : revokedAt;
                certs.add(new Issued(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), revoked, rs.getString(8)));
            }
        }
        return certs;
    }
}
