package org.classbox.console.fleet;

import static org.classbox.console.fleet.FleetRig.NOW;
import static org.classbox.console.fleet.FleetRig.sql;

import java.sql.SQLException;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.BoxWrites;

/**
 * Six boxes of group {@code g}, small enough to know every answer: worst first they are e (offline: silent 3 h),
 * d (offline: NDEATH, 2 h ago), b (degraded: projector Unreachable and LinkDown), c (degraded: link DEGRADED),
 * a (online, seen 10 s ago), f (online, seen 5 s ago, its link on device {@code starlink}).
 */
final class SixBoxes {
    private SixBoxes() {
    }

    static void write(BoxWrites w) throws SQLException {
        box(w, "a", "North", "N1", "School-S1", "5A", true, 10);
        box(w, "b", "North", "N1", "School-S2", "6B", true, 100);
        box(w, "c", "North", "N2", "School-S3", "1C", true, 50);
        box(w, "d", "South", "S1", "School-S4", "2A", false, 7_200);
        box(w, "e", "South", "S1", "School-S4", "3A", true, 10_800);
        box(w, "f", "South", "S2", "School_S5", "4A", true, 5);
        link(w, "a", "terminal", "UP", 600.0, 0.0);
        link(w, "b", "terminal", "DOWN", null, 100.0);
        link(w, "c", "terminal", "DEGRADED", 1800.0, 25.0);
        link(w, "f", "starlink", "UP", 40.0, 1.0);
        metric(w, "a", "terminal", "Alarm/LinkDown", "STRING", "");
        metric(w, "b", "terminal", "Alarm/LinkDown", "STRING", "no reply from 8.8.8.8 for 60 s");
        metric(w, "b", "projector", "Alarm/Unreachable", "STRING", "3 polls failed");
        metric(w, "b", "projector", "Power", "STRING", "off");
        metric(w, "e", "projector", "Alarm/Unreachable", "STRING", "3 polls failed");
        for (String id : new String[]{"a", "b", "c", "d", "e", "f"}) {
            BoxHealth.refresh(w.connection(), new BoxKey("g", id));
        }
    }

    static void box(BoxWrites w, String id, String region, String county, String school, String classroom,
                    boolean online, long seenSecondsAgo) throws SQLException {
        sql(w, "INSERT INTO boxes(group_id, box_id, online, bd_seq, epoch, last_seen, power, input, lamp_hours, error,"
                + " reachable, region, county, school, classroom) VALUES ('g', ?, ?, 3, 9, ?, 'on', '31', 1200, 'ok',"
                + " TRUE, ?, ?, ?, ?)", id, online, NOW - seenSecondsAgo * 1000, region, county, school, classroom);
    }

    static void link(BoxWrites w, String id, String device, String state, Double rtt, Double loss)
            throws SQLException {
        metric(w, id, device, "Link/State", "STRING", state);
        metric(w, id, device, "Link/RttMillis", "DOUBLE", rtt == null ? null : rtt.toString());
        metric(w, id, device, "Link/LossPercent", "DOUBLE", loss.toString());
    }

    static void metric(BoxWrites w, String id, String device, String metric, String type, String value)
            throws SQLException {
        sql(w, "INSERT INTO device_metrics(group_id, box_id, device_id, metric, type, val, epoch, record_id, taken_at,"
                + " nonempty_since) VALUES ('g', ?, ?, ?, ?, ?, 9, 1, ?, ?)", id, device, metric, type, value,
                NOW - 60_000, value == null || value.isEmpty() ? null : NOW - 60_000);
    }

    static void lesson(BoxWrites w, String id, String lesson, String state, long daysAgo, Long scheduled, Long played,
                       Boolean complete) throws SQLException {
        String[] metrics = {"Lesson/State", "Lesson/MinutesScheduled", "Lesson/MinutesPlayedWithoutStall",
            "Lesson/RecordingComplete"};
        Object[] values = {state, scheduled, played, complete};
        for (int i = 0; i < metrics.length; i++) {
            if (values[i] != null) {
                sql(w, "INSERT INTO lesson_latest(group_id, box_id, device_id, metric, val, epoch, record_id, taken_at)"
                        + " VALUES ('g', ?, ?, ?, ?, 9, 1, ?)", id, "lesson-" + lesson, metrics[i],
                        values[i].toString(), NOW - daysAgo * 86_400_000L);
            }
        }
    }
}
