package org.classbox.console.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;

/**
 * The latest value of every metric of every device of a box, whatever the device type: the console learns new device
 * types from their births without a schema change. Used inside one store transaction, on the store's worker.
 */
public final class DeviceMetrics {
    /** Metrics whose non-empty value is an active alarm (the agent's supervisor names them so). */
    public static final String ALARM_PREFIX = "Alarm/";

    private final Connection connection;

    DeviceMetrics(Connection connection) {
        this.connection = connection;
    }

    /**
     * Keeps {@code metric} as the device's latest value unless a newer record of the same epoch is kept already (a
     * late historical record never hides a newer value; a new epoch restarts record ids, so it always wins).
     */
    public void saveLatest(BoxKey box, String device, long epoch, long recordId, Metric metric) throws SQLException {
        // BYTES (a snapshot) are not a value to show; their type and time still say one arrived.
        String value = metric.value() == null || metric.type() == MetricType.BYTES ? null
                : String.valueOf(metric.value());
        boolean empty = value == null || value.isEmpty();
        // Standard MERGE would do in one statement, but H2 and PostgreSQL differ in its details: update, then insert.
        try (PreparedStatement update = connection.prepareStatement("UPDATE device_metrics SET type = ?, val = ?,"
                + " epoch = ?, record_id = ?, taken_at = ?, nonempty_since = CASE WHEN ? THEN NULL"
                + " WHEN COALESCE(val, '') = '' THEN ? ELSE nonempty_since END"
                + " WHERE group_id = ? AND box_id = ? AND device_id = ? AND metric = ?"
                + " AND (epoch <> ? OR record_id <= ?)")) {
            update.setString(1, metric.type().name());
            update.setString(2, value);
            update.setLong(3, epoch);
            update.setLong(4, recordId);
            update.setLong(5, metric.timestamp());
            update.setBoolean(6, empty);
            update.setLong(7, metric.timestamp());
            update.setString(8, box.groupId());
            update.setString(9, box.boxId());
            update.setString(10, device);
            update.setString(11, metric.name());
            update.setLong(12, epoch);
            update.setLong(13, recordId);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        // Absent, or present with a newer record: inserted only when absent.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO device_metrics(group_id, box_id,"
                + " device_id, metric, type, val, epoch, record_id, taken_at, nonempty_since)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM device_metrics"
                + " WHERE group_id = ? AND box_id = ? AND device_id = ? AND metric = ?)")) {
            insert.setString(1, box.groupId());
            insert.setString(2, box.boxId());
            insert.setString(3, device);
            insert.setString(4, metric.name());
            insert.setString(5, metric.type().name());
            insert.setString(6, value);
            insert.setLong(7, epoch);
            insert.setLong(8, recordId);
            insert.setLong(9, metric.timestamp());
            insert.setObject(10, empty ? null : metric.timestamp(), java.sql.Types.BIGINT);
            insert.setString(11, box.groupId());
            insert.setString(12, box.boxId());
            insert.setString(13, device);
            insert.setString(14, metric.name());
            insert.executeUpdate();
        }
    }

    /** Every device of {@code box} with its latest metrics, devices and metrics by name. */
    public List<DeviceView> latest(BoxKey box) throws SQLException {
        Map<String, List<DeviceView.Value>> devices = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT device_id, metric, type, val, taken_at,"
                + " nonempty_since FROM device_metrics WHERE group_id = ? AND box_id = ? ORDER BY device_id, metric")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long since = rs.getLong(6);
                    Long nonEmptySince = rs.wasNull() ? null : since;
                    devices.computeIfAbsent(rs.getString(1), d -> new ArrayList<>()).add(new DeviceView.Value(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), nonEmptySince));
                }
            }
        }
        List<DeviceView> views = new ArrayList<>(devices.size());
        devices.forEach((device, values) -> views.add(new DeviceView(device, values)));
        return views;
    }
}
