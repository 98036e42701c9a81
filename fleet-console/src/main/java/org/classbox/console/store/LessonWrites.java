package org.classbox.console.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.classbox.sparkplug.Metric;

/**
 * The console's lesson tables, used inside one store transaction: the schedule published to each box, and the
 * latest value of each schedule acknowledgement and lesson figure a box reported. Runs on the store's worker.
 */
public final class LessonWrites {
    private final Connection connection;

    LessonWrites(Connection connection) {
        this.connection = connection;
    }

    /** Whether {@code device} is one whose latest values this table keeps. */
    public static boolean kept(String device) {
        return device != null && (device.equals("schedule") || device.startsWith("lesson-"));
    }

    /** The version last published to {@code box}, or null. */
    public Long publishedVersion(BoxKey box) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT version FROM schedules_published WHERE group_id = ? AND box_id = ?")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** The schedule last published to {@code box} as {@code {version, body, publishedAt}}, or null. */
    public PublishedSchedule published(BoxKey box) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT version, body, published_at FROM"
                + " schedules_published WHERE group_id = ? AND box_id = ?")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new PublishedSchedule(rs.getLong(1), rs.getBytes(2), rs.getLong(3)) : null;
            }
        }
    }

    public void savePublished(BoxKey box, long version, byte[] body, long now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE schedules_published SET version = ?,"
                + " body = ?, published_at = ? WHERE group_id = ? AND box_id = ?")) {
            update.setLong(1, version);
            update.setBytes(2, body);
            update.setLong(3, now);
            update.setString(4, box.groupId());
            update.setString(5, box.boxId());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schedules_published(group_id, box_id,"
                + " version, body, published_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, box.groupId());
            insert.setString(2, box.boxId());
            insert.setLong(3, version);
            insert.setBytes(4, body);
            insert.setLong(5, now);
            insert.executeUpdate();
        }
    }

    /** Keeps {@code metric} as the device's latest value unless a newer record (same epoch) is already kept. */
    public void saveLatest(BoxKey box, String device, long epoch, long recordId, Metric metric) throws SQLException {
        String value = metric.value() == null ? null : String.valueOf(metric.value());
        try (PreparedStatement update = connection.prepareStatement("UPDATE lesson_latest SET val = ?, epoch = ?,"
                + " record_id = ?, taken_at = ? WHERE group_id = ? AND box_id = ? AND device_id = ? AND metric = ?"
                + " AND (epoch <> ? OR record_id <= ?)")) {
            update.setString(1, value);
            update.setLong(2, epoch);
            update.setLong(3, recordId);
            update.setLong(4, metric.timestamp());
            update.setString(5, box.groupId());
            update.setString(6, box.boxId());
            update.setString(7, device);
            update.setString(8, metric.name());
            update.setLong(9, epoch);
            update.setLong(10, recordId);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lesson_latest(group_id, box_id,"
                + " device_id, metric, val, epoch, record_id, taken_at) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM lesson_latest WHERE group_id = ? AND box_id = ? AND device_id = ?"
                + " AND metric = ?)")) {
            insert.setString(1, box.groupId());
            insert.setString(2, box.boxId());
            insert.setString(3, device);
            insert.setString(4, metric.name());
            insert.setString(5, value);
            insert.setLong(6, epoch);
            insert.setLong(7, recordId);
            insert.setLong(8, metric.timestamp());
            insert.setString(9, box.groupId());
            insert.setString(10, box.boxId());
            insert.setString(11, device);
            insert.setString(12, metric.name());
            insert.executeUpdate();
        }
    }

    /** The latest values of {@code box}'s devices whose id starts with {@code prefix}: device, then metric. */
    public Map<String, Map<String, String>> latest(BoxKey box, String prefix) throws SQLException {
        Map<String, Map<String, String>> devices = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT device_id, metric, val FROM lesson_latest"
                + " WHERE group_id = ? AND box_id = ? AND device_id LIKE ? ORDER BY device_id, metric")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            ps.setString(3, prefix.replace("_", "\\_").replace("%", "\\%") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    devices.computeIfAbsent(rs.getString(1), d -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getString(3));
                }
            }
        }
        return devices;
    }

    /** A schedule as the console published it. */
    public record PublishedSchedule(long version, byte[] body, long publishedAt) {
    }
}
