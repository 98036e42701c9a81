package org.classbox.console.alarms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.classbox.console.audit.AuditLog;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.DeviceMetrics;
import org.classbox.sparkplug.Metric;

/**
 * The {@code alarms} table, used inside one store transaction on the store's worker. A device's {@code Alarm/<Name>}
 * value raises a row when it is non-empty and none is active for that box, device and name, and clears the active one
 * when it is empty or null; only a value no older than the device's latest of that metric (same epoch and record id
 * order as {@code device_metrics}) counts, so a repeat or a late historical record changes nothing. Portable SQL.
 */
public final class AlarmRows {
    /** A device's metrics named so are alarms; the alarm's name is what follows. */
    private static final String PREFIX = DeviceMetrics.ALARM_PREFIX;
    /** The box's own alarm while it is dead (device ''). */
    public static final String OFFLINE = "Offline";
    private static final String COLUMNS = "id, group_id, box_id, device_id, name, reason, raised_at, cleared_at,"
            + " acked_by, acked_at";

    private final Connection connection;

    public AlarmRows(Connection connection) {
        this.connection = connection;
    }

    /**
     * Applies {@code metric} of record {@code recordId} (epoch {@code epoch}) on {@code device} if it is an alarm.
     * Call it before the metric is saved as the device's latest value: that latest value orders it.
     */
    public void apply(BoxKey box, String device, long epoch, long recordId, Metric metric) throws SQLException {
        if (!metric.name().startsWith(PREFIX) || metric.name().length() == PREFIX.length()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT epoch, record_id FROM device_metrics"
                + " WHERE group_id = ? AND box_id = ? AND device_id = ? AND metric = ?")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            ps.setString(3, device);
            ps.setString(4, metric.name());
            try (ResultSet rs = ps.executeQuery()) {
                // The same rule as DeviceMetrics.saveLatest: a new epoch wins, else a record no older.
                if (rs.next() && rs.getLong(1) == epoch && rs.getLong(2) > recordId) {
                    return;
                }
            }
        }
        String name = metric.name().substring(PREFIX.length());
        String reason = metric.value() == null ? "" : String.valueOf(metric.value());
        if (reason.isEmpty()) {
            clear(box, device, name, metric.timestamp());
        } else {
            raise(box, device, name, reason, metric.timestamp());
        }
    }

    /** Raises the alarm unless one is active for that box, device and name; returns whether it did. */
    public boolean raise(BoxKey box, String device, String name, String reason, long at) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO alarms(group_id, box_id, device_id, name,"
                + " reason, raised_at) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM alarms WHERE"
                + " group_id = ? AND box_id = ? AND device_id = ? AND name = ? AND cleared_at IS NULL)")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            ps.setString(3, device);
            ps.setString(4, name);
            ps.setString(5, reason.length() > 1024 ? reason.substring(0, 1024) : reason);
            ps.setLong(6, at);
            ps.setString(7, box.groupId());
            ps.setString(8, box.boxId());
            ps.setString(9, device);
            ps.setString(10, name);
            return ps.executeUpdate() == 1;
        }
    }

    /** Clears the active alarm of that box, device and name, if there is one; returns whether there was. */
    public boolean clear(BoxKey box, String device, String name, long at) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE alarms SET cleared_at = ? WHERE group_id = ?"
                + " AND box_id = ? AND device_id = ? AND name = ? AND cleared_at IS NULL")) {
            ps.setLong(1, at);
            ps.setString(2, box.groupId());
            ps.setString(3, box.boxId());
            ps.setString(4, device);
            ps.setString(5, name);
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * Acknowledges alarm {@code id} for {@code operator}, with an audit row the first time; an alarm acknowledged
     * already keeps its first acknowledgement. Returns the alarm, or null when there is none with that id.
     */
    public AlarmView ack(long id, String operator, long now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE alarms SET acked_by = ?, acked_at = ?"
                + " WHERE id = ? AND acked_at IS NULL")) {
            ps.setString(1, operator);
            ps.setLong(2, now);
            ps.setLong(3, id);
            if (ps.executeUpdate() == 1) {
                AlarmView alarm = one(id);
                AuditLog.append(connection, now, operator, "alarm-ack", alarm.box() + (alarm.device().isEmpty() ? ""
                        : "/" + alarm.device()), "#" + id + " " + alarm.name() + ": " + alarm.reason(),
                        alarm.clearedAt() == null ? "active" : "cleared");
                return alarm;
            }
        }
        return one(id);
    }

    /** One page of alarms, newest first, with the total that match. */
    public Page page(AlarmQuery query) throws SQLException {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.activeOnly()) {
            where.append(" AND cleared_at IS NULL");
        }
        if (query.group() != null) {
            where.append(" AND group_id = ?");
            args.add(query.group());
        }
        if (query.box() != null) {
            where.append(" AND box_id = ?");
            args.add(query.box());
        }
        long total;
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM alarms" + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<AlarmView> items = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM alarms" + where
                + " ORDER BY raised_at DESC, id DESC LIMIT ? OFFSET ?")) {
            args.add(query.size());
            args.add((long) (query.page() - 1) * query.size());
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(view(rs));
                }
            }
        }
        return new Page(total, items);
    }

    /** A page of alarms and how many match in all. */
    public record Page(long total, List<AlarmView> items) {
    }

    private AlarmView one(long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM alarms WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? view(rs) : null;
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static AlarmView view(ResultSet rs) throws SQLException {
        return new AlarmView(rs.getLong(1), new BoxKey(rs.getString(2), rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getObject(8, Long.class), rs.getString(9),
                rs.getObject(10, Long.class));
    }
}
