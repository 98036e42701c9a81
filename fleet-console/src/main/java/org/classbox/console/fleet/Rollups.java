package org.classbox.console.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures the programmes report, per region, county, school or classroom (the boxes' metadata; a box without it
 * counts under the name ""): boxes, boxes online (degraded included), and the lessons' latest figures sampled in the
 * last days, of ended lessons only. Each figure counts when its latest value was sampled in the window: a lesson
 * sends them all at its end, so a lesson that ended in the window counts whole (and a recording completed later by repair counts when that
 * news came). Used on the store's worker.
 */
public final class Rollups {
    private static final String SCHEDULED = "Lesson/MinutesScheduled";
    private static final String PLAYED = "Lesson/MinutesPlayedWithoutStall";
    private static final String RECORDING = "Lesson/RecordingComplete";
    /**
     * Per box, from the covering index alone. The boxes' row is joined to each box's sums, not the other way round:
     * H2 would run the sums once per box otherwise.
     */
    private static final String STATE = "Lesson/State";
    /**
     * Per box, from the covering index, counting ended lessons only: a box sends {@code MinutesScheduled} with every
     * state of a lesson (scheduled, preparing, live), so a lesson still to come or still running would count its
     * whole length against the minutes played so far. The boxes' row is joined to each box's sums, not the other
     * way round: H2 would run the sums once per box otherwise.
     */
    private static final String LESSONS_PER_BOX = "SELECT f.group_id, f.box_id,"
            + " SUM(CASE WHEN f.metric = '" + SCHEDULED + "' THEN CAST(f.val AS BIGINT) ELSE 0 END) AS scheduled,"
            + " SUM(CASE WHEN f.metric = '" + PLAYED + "' THEN CAST(f.val AS BIGINT) ELSE 0 END) AS played,"
            + " SUM(CASE WHEN f.metric = '" + RECORDING + "' AND f.val IS NOT NULL THEN 1 ELSE 0 END) AS recordings,"
            + " SUM(CASE WHEN f.metric = '" + RECORDING + "' AND f.val = 'true' THEN 1 ELSE 0 END) AS complete"
            + " FROM lesson_latest f WHERE f.metric IN ('" + SCHEDULED + "', '" + PLAYED + "', '" + RECORDING + "')"
            + " AND f.taken_at >= ? AND EXISTS (SELECT 1 FROM lesson_latest s WHERE s.group_id = f.group_id"
            + " AND s.box_id = f.box_id AND s.device_id = f.device_id AND s.metric = '" + STATE + "'"
            + " AND s.val = 'ended') GROUP BY f.group_id, f.box_id";

    private Rollups() {
    }

    /** The rows of {@code level} for the boxes {@code filter} selects, by name; figures sampled since {@code since}. */
    public static List<Row> read(Connection connection, Level level, FleetFilter filter, long freshSince, long since)
            throws SQLException {
        String name = "COALESCE(b." + level.column() + ", '')";
        Map<String, long[]> sums = new LinkedHashMap<>();
        List<Object> binds = new ArrayList<>();
        binds.add(freshSince);
        String boxes = "SELECT " + name + ", COUNT(*), SUM(CASE WHEN b.online AND b.last_seen >= ? THEN 1 ELSE 0 END)"
                + " FROM boxes b WHERE 1 = 1" + filter.where(binds) + " GROUP BY " + name + " ORDER BY " + name;
        try (ResultSet rs = query(connection, boxes, binds)) {
            while (rs.next()) {
                sums.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), 0, 0, 0, 0});
            }
        }
        binds.clear();
        binds.add(since);
        String lessons = "SELECT " + name + ", SUM(l.scheduled), SUM(l.played), SUM(l.recordings), SUM(l.complete)"
                + " FROM (" + LESSONS_PER_BOX + ") l LEFT JOIN boxes b ON b.group_id = l.group_id"
                + " AND b.box_id = l.box_id WHERE b.group_id IS NOT NULL" + filter.where(binds) + " GROUP BY " + name;
        try (ResultSet rs = query(connection, lessons, binds)) {
            while (rs.next()) {
                long[] row = sums.get(rs.getString(1));
                if (row != null) {
                    for (int i = 0; i < 4; i++) {
                        row[2 + i] = rs.getLong(2 + i);
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>(sums.size());
        sums.forEach((n, s) -> rows.add(new Row(n, s[0], s[1], s[2] / 60.0, s[3] / 60.0,
                s[2] == 0 ? null : 100.0 * s[3] / s[2], s[5], s[4])));
        return rows;
    }

    private static ResultSet query(Connection connection, String sql, List<Object> binds) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < binds.size(); i++) {
            ps.setObject(i + 1, binds.get(i));
        }
        // Closing the result set is closing the statement, for H2 and PostgreSQL's drivers alike.
        ps.closeOnCompletion();
        return ps.executeQuery();
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
