package org.classbox.sim.fleet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;

/**
 * A classroom's lessons by a fixed timetable in simulated UTC time (45-minute lessons at 01, 02, 03, 06, 07 and 08
 * o'clock, some slots free per classroom), each its own device {@code lesson-<date>-<hour>} with the figures of
 * docs/protocol.md "Lesson figures": the state at each change, the changed figures as one health record a minute while
 * live, and every figure at the end. Minutes stall while the link is degraded or the box is offline.
 */
final class SimLessons {
    static final int MINUTES = 45;
    private static final int[] SLOTS = {1, 2, 3, 6, 7, 8};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final boolean[] taught = new boolean[SLOTS.length];
    private String live;
    private long played;
    private double gapSeconds;
    private double delaySeconds;
    private List<Metric> lastFigures = List.of();

    SimLessons(Rng rng) {
        for (int i = 0; i < SLOTS.length; i++) {
            taught[i] = rng.chance(0.7);
        }
    }

    /**
     * The lessons this classroom taught in the {@code days} days before simulated time {@code sim} (all of them ended
     * by then), as the box journaled them at each end: the final figures of a working programme, most lessons
     * played through, a few with a stall of some minutes, nearly every recording complete. Each figure is stamped
     * at its lesson's end. What a box that has long been in service has sent before the simulator started.
     */
    List<BoxDevices.Change> past(long sim, int days, Rng rng) {
        List<BoxDevices.Change> ended = new ArrayList<>();
        ZonedDateTime today = Instant.ofEpochMilli(sim).atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC);
        for (int d = days; d >= 0; d--) {
            ZonedDateTime day = today.minusDays(d);
            for (int i = 0; i < SLOTS.length; i++) {
                ZonedDateTime start = day.withHour(SLOTS[i]);
                long end = start.plusMinutes(MINUTES).toInstant().toEpochMilli();
                if (!taught[i] || end > sim || end <= sim - days * 86_400_000L) {
                    continue;
                }
                boolean stalled = rng.chance(0.25);
                long lost = stalled ? 1 + rng.nextInt(6) : 0;
                double gap = stalled ? lost * (10 + rng.nextInt(40)) : 0;
                ended.add(new BoxDevices.Change("lesson-" + DAY.format(day) + "-" + String.format("%02d", SLOTS[i]),
                        RecordClass.EVENT, List.of(
                        Metric.of("Lesson/State", MetricType.STRING, "ended", end),
                        Metric.of("Lesson/MinutesScheduled", MetricType.INT64, (long) MINUTES, end),
                        Metric.of("Lesson/MinutesPlayedWithoutStall", MetricType.INT64, MINUTES - lost, end),
                        Metric.of("Lesson/GapSeconds", MetricType.DOUBLE, gap, end),
                        Metric.of("Lesson/DelaySeconds", MetricType.DOUBLE, stalled ? 30.0 + lost * 5 : 30.0, end),
                        // A stalled lesson's recording is mostly repaired from the classroom's copy.
                        Metric.of("Lesson/RecordingComplete", MetricType.BOOLEAN, !stalled || rng.chance(0.8),
                                end))));
            }
        }
        return ended;
    }

    /** The lesson device live at simulated time {@code sim}, or null. */
    String lessonAt(long sim) {
        ZonedDateTime t = Instant.ofEpochMilli(sim).atZone(ZoneOffset.UTC);
        for (int i = 0; i < SLOTS.length; i++) {
            if (taught[i] && t.getHour() == SLOTS[i] && t.getMinute() < MINUTES) {
                return "lesson-" + DAY.format(t) + "-" + String.format("%02d", SLOTS[i]);
            }
        }
        return null;
    }

    boolean live() {
        return live != null;
    }

    /** One minute of simulated time at {@code sim} (records stamped {@code now}); {@code stalling} loses it. */
    List<BoxDevices.Change> minute(long sim, long now, boolean stalling, Rng rng) {
        List<BoxDevices.Change> changes = new ArrayList<>(2);
        String current = lessonAt(sim);
        if (live != null && !live.equals(current)) {
            List<Metric> end = new ArrayList<>(figures(now, true));
            end.add(0, Metric.of("Lesson/State", MetricType.STRING, "ended", now));
            end.add(1, Metric.of("Lesson/MinutesScheduled", MetricType.INT64, (long) MINUTES, now));
            changes.add(new BoxDevices.Change(live, RecordClass.EVENT, end));
            live = null;
        }
        if (current != null && live == null) {
            live = current;
            played = 0;
            gapSeconds = 0;
            delaySeconds = 30;
            lastFigures = List.of();
            changes.add(new BoxDevices.Change(live, RecordClass.EVENT, List.of(
                    Metric.of("Lesson/State", MetricType.STRING, "live", now),
                    Metric.of("Lesson/MinutesScheduled", MetricType.INT64, (long) MINUTES, now))));
        } else if (live != null) {
            if (stalling) {
                gapSeconds += 6 + rng.nextInt(20);
                delaySeconds = Math.min(120, delaySeconds + 5);
            } else {
                played++;
                delaySeconds = Math.max(30, delaySeconds - 2);
            }
            List<Metric> figures = figures(now, false);
            List<Metric> changed = new ArrayList<>();
            for (Metric m : figures) {
                boolean same = lastFigures.stream().anyMatch(l -> l.name().equals(m.name())
                        && java.util.Objects.equals(l.value(), m.value()));
                if (!same) {
                    changed.add(m);
                }
            }
            lastFigures = figures;
            if (!changed.isEmpty()) {
                changes.add(new BoxDevices.Change(live, RecordClass.HEALTH, changed));
            }
        }
        return changes;
    }

    private List<Metric> figures(long now, boolean end) {
        return List.of(
                Metric.of("Lesson/MinutesPlayedWithoutStall", MetricType.INT64, played, now),
                Metric.of("Lesson/GapSeconds", MetricType.DOUBLE, Math.round(gapSeconds * 10) / 10.0, now),
                Metric.of("Lesson/DelaySeconds", MetricType.DOUBLE, Math.round(delaySeconds * 10) / 10.0, now),
                Metric.of("Lesson/RecordingComplete", MetricType.BOOLEAN, end && gapSeconds == 0, now));
    }
}
