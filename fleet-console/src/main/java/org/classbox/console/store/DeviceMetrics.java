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
        try (PreparedStatement ps = connection.prepareStatement("MERGE INTO device_metrics t USING (VALUES"
                // No lengths in the casts: H2 would truncate to them; the columns refuse what is too wide.
                + " (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
                + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS BIGINT),"
                + " CAST(? AS BIGINT))) s(g, b, d, m, ty, v, e, r, at)"
                + " ON t.group_id = s.g AND t.box_id = s.b AND t.device_id = s.d AND t.metric = s.m"
                + " WHEN MATCHED AND (t.epoch <> s.e OR t.record_id <= s.r) THEN UPDATE SET type = s.ty, val = s.v,"
                + " epoch = s.e, record_id = s.r, taken_at = s.at, nonempty_since = CASE WHEN COALESCE(s.v, '') = ''"
                + " THEN NULL WHEN COALESCE(t.val, '') = '' THEN s.at ELSE t.nonempty_since END"
                + " WHEN NOT MATCHED THEN INSERT (group_id, box_id, device_id, metric, type, val, epoch, record_id,"
                + " taken_at, nonempty_since) VALUES (s.g, s.b, s.d, s.m, s.ty, s.v, s.e, s.r, s.at,"
                + " CASE WHEN COALESCE(s.v, '') = '' THEN NULL ELSE s.at END)")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            ps.setString(3, device);
            ps.setString(4, metric.name());
            ps.setString(5, metric.type().name());
            ps.setString(6, value);
            ps.setLong(7, epoch);
            ps.setLong(8, recordId);
            ps.setLong(9, metric.timestamp());
            ps.executeUpdate();
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
