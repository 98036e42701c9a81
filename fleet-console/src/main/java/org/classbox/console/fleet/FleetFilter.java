package org.classbox.console.fleet;

import java.util.List;
import java.util.Locale;
import org.classbox.console.store.DeviceMetrics;

/**
 * Which boxes a fleet view shows; null fields do not filter. {@code region}, {@code county} and {@code school} match
 * the box's metadata exactly, {@code alarm} is the name of an active alarm the box must have (after {@code Alarm/}),
 * {@code q} a text found, case-insensitively, in its group, id, region, county, school or classroom.
 */
public record FleetFilter(Status status, String region, String county, String school, String alarm, String q) {
    /** No filter: every box. */
    public static final FleetFilter ALL = new FleetFilter(null, null, null, null, null, null);

    /** Only the metadata filters, as the summary and the roll-ups take them. */
    public static FleetFilter place(String region, String county, String school) {
        return new FleetFilter(null, region, county, school, null, null);
    }

    /** The conditions on boxes {@code b} (each starting with AND) for the filters but status; adds their values. */
    String where(List<Object> binds) {
        StringBuilder sql = new StringBuilder();
        equal(sql, binds, "b.region", region);
        equal(sql, binds, "b.county", county);
        equal(sql, binds, "b.school", school);
        if (alarm != null) {
            // From the alarm's side: the index finds the few boxes where it is active (non-empty since a time).
            sql.append(" AND (b.group_id, b.box_id) IN (SELECT group_id, box_id FROM device_metrics"
                    + " WHERE metric = ? AND nonempty_since IS NOT NULL)");
            binds.add(DeviceMetrics.ALARM_PREFIX + alarm);
        }
        if (q != null) {
            String pattern = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            sql.append(" AND (");
            String[] columns = {"b.group_id", "b.box_id", "b.region", "b.county", "b.school", "b.classroom"};
            for (int i = 0; i < columns.length; i++) {
                sql.append(i == 0 ? "" : " OR ").append("LOWER(").append(columns[i]).append(") LIKE ? ESCAPE '\\'");
                binds.add(pattern);
            }
            sql.append(")");
        }
        return sql.toString();
    }

    private static void equal(StringBuilder sql, List<Object> binds, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            binds.add(value);
        }
    }
}
