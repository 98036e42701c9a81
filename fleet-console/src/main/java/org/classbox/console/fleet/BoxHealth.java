package org.classbox.console.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.DeviceMetrics;

/**
 * A box's count of active alarms (non-empty {@code Alarm/*} values over its devices) and whether a device reports
 * {@code Link/State} DEGRADED, kept in its {@code boxes} row so the fleet views sort and count 10,000 boxes from that
 * table alone. The ingest refreshes them, inside its store transaction, after a device message that set one of those
 * metrics.
 */
public final class BoxHealth {
    static final String LINK_STATE = "Link/State";
    static final String DEGRADED = "DEGRADED";

    private BoxHealth() {
    }

    /** Whether a new value of {@code metric} may change the box's health. */
    public static boolean concerns(String metric) {
        return metric.startsWith(DeviceMetrics.ALARM_PREFIX) || metric.equals(LINK_STATE);
    }

    /** Recounts the box's health from its devices' latest values. */
    public static void refresh(Connection connection, BoxKey box) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE boxes SET alarm_count = (SELECT COUNT(*)"
                + " FROM device_metrics d WHERE d.group_id = ? AND d.box_id = ? AND d.metric LIKE 'Alarm/%'"
                + " AND d.val <> ''), link_degraded = EXISTS (SELECT 1 FROM device_metrics d WHERE d.group_id = ?"
                + " AND d.box_id = ? AND d.metric = ? AND d.val = ?) WHERE group_id = ? AND box_id = ?")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            ps.setString(3, box.groupId());
            ps.setString(4, box.boxId());
            ps.setString(5, LINK_STATE);
            ps.setString(6, DEGRADED);
            ps.setString(7, box.groupId());
            ps.setString(8, box.boxId());
            ps.executeUpdate();
        }
    }
}
