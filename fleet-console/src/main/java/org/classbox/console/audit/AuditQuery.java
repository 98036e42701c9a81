package org.classbox.console.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code audit_log} a page at a time, newest first; runs inside a store read (on the store's worker). */
public final class AuditQuery {
    private AuditQuery() {
    }

    public static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static List<Entry> page(Connection c, int page, int size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, at, operator, action, target, detail, outcome"
                + " FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?")) {
            ps.setInt(1, size);
            ps.setLong(2, (long) (page - 1) * size);
            try (ResultSet rs = ps.executeQuery()) {
                List<Entry> entries = new ArrayList<>();
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
                return entries;
            }
        }
    }

    /** One audit row. */
    public record Entry(long id, long at, String operator, String action, String target, String detail,
                        String outcome) {
    }
}
