package org.classbox.console.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A made-up fleet written straight into a store's tables, for the benchmark and tests of the fleet views (and a demo
 * of the pages at scale): box {@code i} of {@code n} is {@code fleet/box-<i>} in one of 8 regions, 160 counties and
 * 800 schools, with a projector, a terminal and a host, their alarm metrics (mostly clear) and link figures, and
 * {@code lessonsPerBox} ended lessons in the last days. Which boxes are offline, alarmed or degraded follows from
 * {@code i} by the predicates below, so a test can count them itself. Runs inside one store transaction.
 */
public final class SyntheticFleet {
    public static final String GROUP = "fleet";
    private static final String[] ALARMS = {"projector:Unreachable", "projector:ProjectorError",
        "projector:LampHours", "projector:NotObeying", "terminal:Unreachable", "terminal:LinkDown",
        "terminal:LinkDegraded", "host:Unreachable", "host:DiskNearlyFull", "host:OverTemperature"};
    private static final int BATCH = 2_000;

    private SyntheticFleet() {
    }

    public static String boxId(int i) {
        return String.format("box-%05d", i);
    }

    public static String region(int i) {
        return "region-" + (i % 8);
    }

    public static String county(int i) {
        return region(i) + "/county-" + (i / 8 % 20);
    }

    public static String school(int i) {
        return county(i) + "/school-" + (i / 160 % 5);
    }

    /** Never reconnected after an NDEATH (one in ten), or silent for two days (one in ten more). */
    public static boolean offline(int i) {
        return i % 10 == 0 || i % 10 == 1;
    }

    /** Its projector is unreachable (one in seven). */
    public static boolean projectorUnreachable(int i) {
        return i % 7 == 0;
    }

    /** Its terminal reports LinkDown (one in thirteen). */
    public static boolean linkDown(int i) {
        return i % 13 == 0;
    }

    /** Its link is DEGRADED, without an alarm (one in eleven). */
    public static boolean linkDegraded(int i) {
        return i % 11 == 0;
    }

    /**
     * Writes {@code n} boxes as they stand at {@code now} (epoch milliseconds) with {@code lessonsPerBox} lessons of
     * 45 minutes each, one a day before {@code now}: the first of each box played 40 minutes without a stall and is
     * not recorded completely, the others all 45 and complete.
     */
    public static void fill(Connection connection, int n, int lessonsPerBox, long now) throws SQLException {
        try (PreparedStatement box = connection.prepareStatement("INSERT INTO boxes(group_id, box_id, online, bd_seq,"
                + " epoch, last_seen, power, input, lamp_hours, error, reachable, region, county, school, classroom,"
                + " journal_backlog, bytes_alarm, bytes_event, bytes_health, bytes_bulk, alarm_count, link_degraded)"
                + " VALUES (?, ?, ?, 1, 7, ?, 'on', '31', ?, 'ok', TRUE, ?, ?, ?, ?, ?, 100, 2000, 30000, 0, ?, ?)");
             PreparedStatement metric = connection.prepareStatement("INSERT INTO device_metrics(group_id, box_id,"
                     + " device_id, metric, type, val, epoch, record_id, taken_at, nonempty_since)"
                     + " VALUES (?, ?, ?, ?, ?, ?, 7, 1, ?, ?)");
             PreparedStatement lesson = connection.prepareStatement("INSERT INTO lesson_latest(group_id, box_id,"
                     + " device_id, metric, val, epoch, record_id, taken_at) VALUES (?, ?, ?, ?, ?, 7, 1, ?)")) {
            for (int i = 0; i < n; i++) {
                String id = boxId(i);
                box.setString(1, GROUP);
                box.setString(2, id);
                box.setBoolean(3, i % 10 != 0);
                box.setLong(4, i % 10 == 1 ? now - 2 * 86_400_000L : now - i % 600 * 1000L);
                box.setLong(5, 1000 + i % 2500);
                box.setString(6, region(i));
                box.setString(7, county(i));
                box.setString(8, school(i));
                box.setString(9, "room-" + (i % 3));
                box.setLong(10, i % 50);
                box.setInt(11, (projectorUnreachable(i) ? 1 : 0) + (linkDown(i) ? 1 : 0));
                box.setBoolean(12, linkDegraded(i) && !linkDown(i));
                box.addBatch();
                for (String alarm : ALARMS) {
                    String device = alarm.substring(0, alarm.indexOf(':'));
                    String name = alarm.substring(device.length() + 1);
                    boolean active = name.equals("Unreachable") && device.equals("projector") && projectorUnreachable(i)
                            || name.equals("LinkDown") && linkDown(i);
                    add(metric, id, device, "Alarm/" + name, "STRING", active ? "no answer" : "", now, active);
                }
                add(metric, id, "terminal", "Link/State", "STRING", linkDown(i) ? "DOWN" : linkDegraded(i)
                        ? "DEGRADED" : "UP", now, false);
                add(metric, id, "terminal", "Link/RttMillis", "DOUBLE", String.valueOf(550.0 + i % 100), now, false);
                add(metric, id, "terminal", "Link/LossPercent", "DOUBLE", String.valueOf(i % 5 * 1.0), now, false);
                add(metric, id, "projector", "Power", "STRING", "on", now, false);
                add(metric, id, "host", "Disk/UsedPercent", "DOUBLE", String.valueOf(40.0 + i % 30), now, false);
                add(metric, id, "host", "Temperature/Cpu", "DOUBLE", String.valueOf(50.0 + i % 20), now, false);
                for (int k = 0; k < lessonsPerBox; k++) {
                    String device = "lesson-l" + k;
                    long at = now - (k + 1) * 86_400_000L + 3_600_000L;
                    addLesson(lesson, id, device, "Lesson/State", "ended", at);
                    addLesson(lesson, id, device, "Lesson/MinutesScheduled", "45", at);
                    addLesson(lesson, id, device, "Lesson/MinutesPlayedWithoutStall", k == 0 ? "40" : "45", at);
                    addLesson(lesson, id, device, "Lesson/RecordingComplete", k == 0 ? "false" : "true", at);
                }
                if (i % BATCH == BATCH - 1 || i == n - 1) {
                    box.executeBatch();
                    metric.executeBatch();
                    lesson.executeBatch();
                }
            }
        }
    }

    /**
     * Adds samples of the terminal's {@code Link/RttMillis} of box {@code i}, one every {@code everyMillis} in
     * [{@code from}, {@code to}), as its journal would have sent them (one record each).
     */
    public static void addRttSamples(Connection connection, int i, long from, long to, long everyMillis)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO samples(group_id, box_id, epoch,"
                + " record_id, metric, taken_at, val, historical, device) VALUES (?, ?, 7, ?, 'Link/RttMillis', ?, ?,"
                + " FALSE, 'terminal')")) {
            long record = 1_000;
            for (long at = from; at < to; at += everyMillis) {
                ps.setString(1, GROUP);
                ps.setString(2, boxId(i));
                ps.setLong(3, record++);
                ps.setLong(4, at);
                ps.setString(5, String.valueOf(600.0 + record % 40));
                ps.addBatch();
                if (record % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, String box, String device, String metric, String type, String value,
                            long at, boolean active) throws SQLException {
        ps.setString(1, GROUP);
        ps.setString(2, box);
        ps.setString(3, device);
        ps.setString(4, metric);
        ps.setString(5, type);
        ps.setString(6, value);
        ps.setLong(7, at);
        ps.setObject(8, active ? at : null, java.sql.Types.BIGINT);
        ps.addBatch();
    }

    private static void addLesson(PreparedStatement ps, String box, String device, String metric, String value,
                                  long at) throws SQLException {
        ps.setString(1, GROUP);
        ps.setString(2, box);
        ps.setString(3, device);
        ps.setString(4, metric);
        ps.setString(5, value);
        ps.setLong(6, at);
        ps.addBatch();
    }
}
