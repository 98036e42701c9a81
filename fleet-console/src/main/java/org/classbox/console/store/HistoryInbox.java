package org.classbox.console.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The table {@code history_inbox}: device messages whose records are all historical (a box's returning backlog), kept
 * with the box's epoch when they arrived until the history drain applies them. Runs on whatever connection it is
 * given: the store's writer inside a transaction, or a read connection for {@link #count()}.
 */
public final class HistoryInbox {
    private final Connection connection;

    /** One kept message, in the order the console received it ({@code seq}). */
    public record Entry(long seq, BoxKey box, long epoch, String topic, byte[] payload, long arrivedAt) {
    }

    public HistoryInbox(Connection connection) {
        this.connection = connection;
    }

    public void add(BoxKey box, long epoch, String topic, byte[] payload, long now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO history_inbox(group_id, box_id, epoch,"
                + " topic, payload, arrived_at) VALUES(?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            ps.setLong(3, epoch);
            ps.setString(4, topic);
            ps.setBytes(5, payload);
            ps.setLong(6, now);
            ps.executeUpdate();
        }
    }

    /** Up to {@code limit} of the oldest messages, oldest first. */
    public List<Entry> oldest(int limit) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, group_id, box_id, epoch, topic, payload,"
                + " arrived_at FROM history_inbox ORDER BY seq LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), new BoxKey(rs.getString(2), rs.getString(3)), rs.getLong(4),
                            rs.getString(5), rs.getBytes(6), rs.getLong(7)));
                }
            }
        }
        return entries;
    }

    /** Removes the applied messages (by seq); returns how many were still there. */
    public int remove(List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return 0;
        }
        int removed = 0;
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM history_inbox WHERE seq = ?")) {
            for (long seq : seqs) {
                ps.setLong(1, seq);
                ps.addBatch();
            }
            for (int count : ps.executeBatch()) {
                removed += count == Statement.SUCCESS_NO_INFO ? 1 : count;
            }
        }
        return removed;
    }

    public long count() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM history_inbox");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
