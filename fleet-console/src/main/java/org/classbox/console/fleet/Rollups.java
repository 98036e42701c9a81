package org.classbox.console.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures the programmes report, per region, county, school or classroom (the boxes' metadata; a box without it
 * counts under the name ""): boxes, boxes online (degraded included), and the lessons of the last days summed from
 * their latest figures. A lesson counts in the window when its latest {@code Lesson/MinutesScheduled} was sampled
 * in it: the box sends that figure with each state change, so its time is when the lesson last changed state (its
 * end, once ended). Used on the store's worker.
 */
public final class Rollups {
    private static final String LESSONS = "SELECT s.group_id, s.box_id, SUM(CAST(s.val AS BIGINT)) AS scheduled,"
            + " SUM(CAST(p.val AS BIGINT)) AS played, COUNT(r.val) AS recordings,"
            + " SUM(CASE WHEN r.val = 'true' THEN 1 ELSE 0 END) AS complete"
            + " FROM lesson_latest s"
            + " LEFT JOIN lesson_latest p ON p.group_id = s.group_id AND p.box_id = s.box_id"
            + " AND p.device_id = s.device_id AND p.metric = 'Lesson/MinutesPlayedWithoutStall'"
            + " LEFT JOIN lesson_latest r ON r.group_id = s.group_id AND r.box_id = s.box_id"
            + " AND r.device_id = s.device_id AND r.metric = 'Lesson/RecordingComplete'"
            + " WHERE s.metric = 'Lesson/MinutesScheduled' AND s.taken_at >= ? GROUP BY s.group_id, s.box_id";

    private Rollups() {
    }

    /** The rows of {@code level} for the boxes {@code filter} selects, by name; lessons sampled since {@code since}. */
    public static List<Row> read(Connection connection, Level level, FleetFilter filter, long freshSince, long since)
            throws SQLException {
        String name = "COALESCE(b." + level.column() + ", '')";
        String sql = "SELECT " + name + " AS name, COUNT(*), SUM(CASE WHEN b.online AND b.last_seen >= ? THEN 1"
                + " ELSE 0 END), SUM(l.scheduled), SUM(l.played), SUM(l.recordings), SUM(l.complete)"
                + " FROM boxes b LEFT JOIN (" + LESSONS + ") l ON l.group_id = b.group_id AND l.box_id = b.box_id"
                + " WHERE 1 = 1";
        // In the order of their marks in the text: the online cut-off, then the lessons' window, then the filters.
        List<Object> ordered = new ArrayList<>();
        ordered.add(freshSince);
        ordered.add(since);
        sql += filter.where(ordered) + " GROUP BY " + name + " ORDER BY " + name;
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < ordered.size(); i++) {
                ps.setObject(i + 1, ordered.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long scheduled = rs.getLong(4);
                    long played = rs.getLong(5);
                    rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), scheduled / 60.0, played / 60.0,
                            scheduled == 0 ? null : 100.0 * played / scheduled, rs.getLong(7), rs.getLong(6)));
                }
            }
        }
        return rows;
    }

    /** The levels of the roll-up, each a column of boxes. */
    public enum Level {
        REGION, COUNTY, SCHOOL, CLASSROOM;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The level named in a query, or null for another text. */
        public static Level parse(String text) {
            for (Level level : values()) {
                if (level.column().equals(text)) {
                    return level;
                }
            }
            return null;
        }
    }

    /** One row: hours are minutes / 60; attainment is null when nothing was scheduled. */
    public record Row(String name, long boxes, long online, double scheduledHours, double hoursWithoutStall,
                      Double attainmentPercent, long recordingsComplete, long recordings) {
    }
}
