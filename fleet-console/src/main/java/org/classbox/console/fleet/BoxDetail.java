package org.classbox.console.fleet;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.BoxWrites;
import org.classbox.console.store.DeviceMetrics;
import org.classbox.console.store.DeviceView;
import org.classbox.console.store.ProjectorView;

/**
 * One box's page: the box as the list shows it, its session (bdSeq, journal epoch), its journal backlog and bytes
 * sent today by record class (from its latest NBIRTH or NDATA; null until it reported them), every device with its
 * latest metrics, each lesson's latest figures and its active alarms.
 */
public record BoxDetail(FleetBox box, Long bdSeq, Long epoch, Long journalBacklog, Map<String, Long> bytesToday,
                        List<DeviceView> devices, Map<String, Map<String, String>> lessons,
                        List<ActiveAlarm> activeAlarms) {
    private static final String LESSON_PREFIX = "lesson-";

    /** An active alarm: its device, its name after {@code Alarm/}, why, and since when (epoch milliseconds). */
    public record ActiveAlarm(String device, String name, String reason, long since) {
    }

    /** The detail of {@code box}, or null when the console never saw it born. */
    public static BoxDetail read(BoxWrites writes, BoxKey box, long freshSince) throws SQLException {
        try (PreparedStatement ps = writes.connection().prepareStatement("SELECT region, county, school, classroom,"
                + " online, last_seen, bd_seq, epoch, power, input, lamp_hours, error, reachable, journal_backlog,"
                + " bytes_alarm, bytes_event, bytes_health, bytes_bulk FROM boxes WHERE group_id = ? AND box_id = ?"
                + " AND epoch IS NOT NULL")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<DeviceView> devices = writes.devices().latest(box);
                List<ActiveAlarm> alarms = new ArrayList<>();
                boolean linkDegraded = false;
                for (DeviceView device : devices) {
                    for (DeviceView.Value value : device.values()) {
                        if (value.isActiveAlarm()) {
                            alarms.add(new ActiveAlarm(device.device(), value.metric().substring(
                                    DeviceMetrics.ALARM_PREFIX.length()), value.text(), value.nonEmptySince() == null
                                    ? value.takenAt() : value.nonEmptySince()));
                        }
                        linkDegraded |= value.metric().equals(BoxExtras.LINK_STATE)
                                && "DEGRADED".equals(value.text());
                    }
                }
                boolean up = rs.getBoolean("online") && rs.getLong("last_seen") >= freshSince;
                Map<String, Long> bytes = new LinkedHashMap<>();
                for (String recordClass : NodeFigures.CLASSES) {
                    bytes.put(recordClass, nullableLong(rs, "bytes_" + recordClass));
                }
                FleetBox summary = new FleetBox(box, rs.getString("region"), rs.getString("county"),
                        rs.getString("school"), rs.getString("classroom"), Status.of(up, alarms.size(), linkDegraded),
                        rs.getLong("last_seen"), alarms.stream().map(ActiveAlarm::name).distinct().sorted().toList(),
                        BoxExtras.link(devices), new ProjectorView(rs.getString("power"), rs.getString("input"),
                        nullableLong(rs, "lamp_hours"), rs.getString("error"), (Boolean) rs.getObject("reachable")));
                return new BoxDetail(summary, nullableLong(rs, "bd_seq"), nullableLong(rs, "epoch"),
                        nullableLong(rs, "journal_backlog"), bytes, devices,
                        writes.lessons().latest(box, LESSON_PREFIX), alarms);
            }
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
