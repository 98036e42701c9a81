package org.classbox.console.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The store's own queries behind {@link BoxStore}'s read methods, on one of its read connections. */
final class StoreReads {
    private static final String BOX_COLUMNS = "group_id, box_id, online, last_seen, bd_seq, epoch, power, input,"
            + " lamp_hours, error, reachable";

    private final Connection connection;
    private final long offlineAfterMillis;

    StoreReads(Connection connection, long offlineAfterMillis) {
        this.connection = connection;
        this.offlineAfterMillis = offlineAfterMillis;
    }

    List<BoxView> boxes(long now) throws SQLException {
        List<BoxView> boxes = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + BOX_COLUMNS
                + " FROM boxes ORDER BY group_id, box_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                boxes.add(box(rs, now));
            }
        }
        return boxes;
    }

    List<BoxView> boxesWithId(String boxId, long now) throws SQLException {
        List<BoxView> boxes = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + BOX_COLUMNS
                + " FROM boxes WHERE box_id = ? ORDER BY group_id")) {
            ps.setString(1, boxId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boxes.add(box(rs, now));
                }
            }
        }
        return boxes;
    }

    List<Sample> samples(BoxKey box, int limit) throws SQLException {
        List<Sample> samples = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT epoch, record_id, metric, taken_at, val,"
                + " historical, device FROM samples WHERE group_id = ? AND box_id = ?"
                + " ORDER BY taken_at DESC, record_id DESC, metric LIMIT ?")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    samples.add(new Sample(box, rs.getString(7), rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getLong(4), rs.getString(5), rs.getBoolean(6)));
                }
            }
        }
        return samples;
    }

    List<LessonEvent> lessonEvents(BoxKey box, String lessonId, int limit) throws SQLException {
        List<LessonEvent> events = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT epoch, record_id, kind, media_time, text,"
                + " count, picture, taken_at, historical FROM lesson_events e WHERE group_id = ? AND box_id = ?"
                + " AND lesson_id = ? ORDER BY (SELECT MIN(f.taken_at) FROM lesson_events f WHERE"
                + " f.group_id = e.group_id AND f.box_id = e.box_id AND f.epoch = e.epoch), epoch, record_id"
                + " LIMIT ?")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            ps.setString(3, lessonId);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new LessonEvent(box, rs.getLong(1), rs.getLong(2), lessonId, rs.getString(3),
                            rs.getObject(4, Double.class), rs.getString(5), rs.getObject(6, Long.class),
                            rs.getBytes(7), rs.getLong(8), rs.getBoolean(9)));
                }
            }
        }
        return events;
    }

    List<SavedBirth> births() throws SQLException {
        List<SavedBirth> births = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT topic, payload FROM births"
                + " ORDER BY group_id, box_id, device_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                births.add(new SavedBirth(rs.getString(1), rs.getBytes(2)));
            }
        }
        return births;
    }

    long parkedCount() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM parked");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private BoxView box(ResultSet rs, long now) throws SQLException {
        long lastSeen = rs.getLong(4);
        boolean online = rs.getBoolean(3) && now - lastSeen <= offlineAfterMillis;
        return new BoxView(new BoxKey(rs.getString(1), rs.getString(2)), online, lastSeen, nullableLong(rs, 5),
                nullableLong(rs, 6), new ProjectorView(rs.getString(7), rs.getString(8), nullableLong(rs, 9),
                rs.getString(10), (Boolean) rs.getObject(11)));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
