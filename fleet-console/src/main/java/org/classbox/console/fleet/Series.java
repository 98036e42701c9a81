package org.classbox.console.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.classbox.console.store.BoxKey;

/**
 * One metric of one device of a box over a time window, from the stored samples, as at most {@link #MAX_POINTS}
 * points oldest first: every sample while they fit, else the mean time and mean value of each of
 * {@link #MAX_POINTS} equal time buckets that has samples. Numbers count, and booleans as 1 and 0; other values
 * (text, nulls) are left out. Used on the store's worker.
 */
public final class Series {
    /** A day at one point a minute: what a laptop's chart shows well. */
    public static final int MAX_POINTS = 1_440;

    private Series() {
    }

    /** The points of {@code metric} of {@code device} sampled in [{@code from}, {@code to}] (epoch milliseconds). */
    public static List<Point> read(Connection connection, BoxKey box, String device, String metric, long from,
                                   long to) throws SQLException {
        long width = Math.max(1, (to - from + MAX_POINTS) / MAX_POINTS);
        double[] sums = new double[MAX_POINTS + 1];
        long[] times = new long[MAX_POINTS + 1];
        int[] counts = new int[MAX_POINTS + 1];
        List<Point> raw = new ArrayList<>();
        int total = 0;
        // The index (group, box, time) bounds the rows read to the window; device and metric are checked on them.
        try (PreparedStatement ps = connection.prepareStatement("SELECT taken_at, val FROM samples WHERE group_id = ?"
                + " AND box_id = ? AND taken_at >= ? AND taken_at <= ? AND device = ? AND metric = ?"
                + " ORDER BY taken_at, record_id")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            ps.setLong(3, from);
            ps.setLong(4, to);
            ps.setString(5, device);
            ps.setString(6, metric);
            ps.setFetchSize(1_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Double value = number(rs.getString(2));
                    if (value == null) {
                        continue;
                    }
                    long at = rs.getLong(1);
                    total++;
                    if (raw.size() <= MAX_POINTS) {
                        raw.add(new Point(at, value));
                    }
                    int bucket = (int) ((at - from) / width);
                    sums[bucket] += value;
                    times[bucket] += (at - from);
                    counts[bucket]++;
                }
            }
        }
        if (total <= MAX_POINTS) {
            return raw;
        }
        List<Point> points = new ArrayList<>(MAX_POINTS);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                points.add(new Point(from + times[i] / counts[i], sums[i] / counts[i]));
            }
        }
        return points;
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        if (text.equals("true") || text.equals("false")) {
            return text.equals("true") ? 1.0 : 0.0;
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A sample time (epoch milliseconds) and its value. */
    public record Point(long at, double value) {
    }
}
