package org.classbox.console.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.DeviceMetrics;
import org.classbox.console.store.DeviceView;

/**
 * A listed box's active alarm names and its link, read from its latest device metrics (a few rows per box, by the
 * primary key): only for the boxes of one page.
 */
final class BoxExtras {
    /** The device that carries the link metrics on a classbox; another device's are used when a box has none. */
    static final String LINK_DEVICE = "terminal";
    static final String LINK_STATE = "Link/State";
    static final String LINK_RTT = "Link/RttMillis";
    static final String LINK_LOSS = "Link/LossPercent";

    private final Connection connection;

    BoxExtras(Connection connection) {
        this.connection = connection;
    }

    Found of(BoxKey box) throws SQLException {
        TreeSet<String> alarms = new TreeSet<>();
        List<DeviceView> links = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT device_id, metric, type, val, taken_at"
                + " FROM device_metrics WHERE group_id = ? AND box_id = ? AND (metric LIKE 'Alarm/%' AND val <> ''"
                + " OR metric IN (?, ?, ?)) ORDER BY device_id, metric")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            ps.setString(3, LINK_STATE);
            ps.setString(4, LINK_RTT);
            ps.setString(5, LINK_LOSS);
            try (ResultSet rs = ps.executeQuery()) {
                List<DeviceView.Value> values = new ArrayList<>();
                String device = null;
                while (rs.next()) {
                    String metric = rs.getString(2);
                    if (metric.startsWith(DeviceMetrics.ALARM_PREFIX)) {
                        alarms.add(metric.substring(DeviceMetrics.ALARM_PREFIX.length()));
                        continue;
                    }
                    if (!rs.getString(1).equals(device) && device != null) {
                        links.add(new DeviceView(device, values));
                        values = new ArrayList<>();
                    }
                    device = rs.getString(1);
                    values.add(new DeviceView.Value(metric, rs.getString(3), rs.getString(4), rs.getLong(5), null));
                }
                if (device != null) {
                    links.add(new DeviceView(device, values));
                }
            }
        }
        return new Found(List.copyOf(alarms), link(links));
    }

    /** The link of the box's devices: the terminal's, or else the first device's that has a {@code Link/State}. */
    static FleetBox.Link link(List<DeviceView> devices) {
        DeviceView chosen = null;
        for (DeviceView device : devices) {
            boolean hasState = device.values().stream().anyMatch(v -> v.metric().equals(LINK_STATE));
            if (device.device().equals(LINK_DEVICE) && hasState) {
                chosen = device;
                break;
            }
            if (chosen == null && hasState) {
                chosen = device;
            }
        }
        if (chosen == null) {
            return FleetBox.Link.UNKNOWN;
        }
        Object state = null;
        Object rtt = null;
        Object loss = null;
        for (DeviceView.Value value : chosen.values()) {
            switch (value.metric()) {
                case LINK_STATE -> state = value.typed();
                case LINK_RTT -> rtt = value.typed();
                case LINK_LOSS -> loss = value.typed();
                default -> {
                }
            }
        }
        return new FleetBox.Link(state == null ? null : state.toString(), rtt, loss);
    }

    record Found(List<String> alarms, FleetBox.Link link) {
    }
}
