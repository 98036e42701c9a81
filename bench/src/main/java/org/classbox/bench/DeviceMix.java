package org.classbox.bench;

import java.util.ArrayList;
import java.util.List;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;

/**
 * A day of records as the demo classroom's devices journal them: each record is one device's changed metrics, with
 * the names, types and record classes the supervisors use (docs/protocol.md "Devices"), in the proportions their
 * poll rates and report by exception give: the satellite terminal and the host most, the GPIO pins least. Values
 * drift as real readings do, so the forwarder's compression gets no easier a job than in a classroom.
 */
final class DeviceMix {
    private static final String[] SCHEDULE = {
        "terminal", "host", "terminal", "projector", "host", "lesson", "terminal", "camera", "host", "projector",
        "terminal", "host", "lesson", "gpio", "terminal", "host", "camera", "projector", "classroom", "terminal"};

    private DeviceMix() {
    }

    /** {@code count} records, one second apart, ending now. */
    static List<JournalEntry> day(int count) {
        List<JournalEntry> entries = new ArrayList<>(count);
        long start = System.currentTimeMillis() - 86_400_000L;
        for (int s = 0; s < count; s++) {
            long t = start + s * 1000L;
            String device = SCHEDULE[s % SCHEDULE.length];
            List<Metric> metrics = metrics(device, s, t);
            RecordClass recordClass = metrics.stream().anyMatch(m -> m.name().startsWith("Alarm/"))
                    ? RecordClass.ALARM
                    : metrics.stream().allMatch(m -> m.type() == MetricType.DOUBLE || m.type() == MetricType.INT64)
                    ? RecordClass.HEALTH : RecordClass.EVENT;
            entries.add(new JournalEntry(recordClass, device, t, PayloadCodec.encode(new Payload(t, null, metrics))));
        }
        return entries;
    }

    private static List<Metric> metrics(String device, int s, long t) {
        List<Metric> m = new ArrayList<>(6);
        double wave = Math.sin(s / 600.0);
        switch (device) {
            case "terminal" -> {
                m.add(Metric.of("Link/RttMillis", MetricType.DOUBLE, 610.0 + 40 * wave + s % 7, t));
                m.add(Metric.of("Link/LossPercent", MetricType.DOUBLE, Math.max(0, 2 * wave), t));
                m.add(Metric.of("Terminal/PopPingMillis", MetricType.DOUBLE, 595.0 + 30 * wave, t));
                m.add(Metric.of("Terminal/EsNoDb", MetricType.DOUBLE, 9.5 + wave, t));
                if (s % 97 == 0) {
                    m.add(Metric.of("Link/State", MetricType.STRING, wave < -0.9 ? "DEGRADED" : "UP", t));
                }
            }
            case "host" -> {
                m.add(Metric.of("Temperature/Cpu", MetricType.DOUBLE, 55.0 + 10 * wave, t));
                m.add(Metric.of("Load/1m", MetricType.DOUBLE, 0.4 + Math.abs(wave), t));
                m.add(Metric.of("Memory/AvailableMb", MetricType.INT64, 2_900L - s % 300, t));
                m.add(Metric.of("Disk/UsedPercent", MetricType.DOUBLE, 40.0 + s / 8_640.0, t));
            }
            case "projector" -> {
                m.add(Metric.of("Lamp/Hours", MetricType.INT64, 1_200L + s / 3_600, t));
                if (s % 3 == 0) {
                    m.add(Metric.of("Power", MetricType.STRING, (s / 3_600) % 2 == 0 ? "on" : "off", t));
                    m.add(Metric.of("Input", MetricType.STRING, "31", t));
                }
            }
            case "camera" -> {
                m.add(Metric.of("Snapshot/Bytes", MetricType.INT64, 48_000L + s % 5_000, t));
                m.add(Metric.of("Clock/OffsetSeconds", MetricType.INT64, (long) (s % 3), t));
            }
            case "gpio" -> {
                m.add(Metric.of("Button/Help/Presses", MetricType.INT64, (long) s / 1_000, t));
                m.add(Metric.of("Led/Pattern", MetricType.STRING, wave < -0.9 ? "fast-blink" : "steady", t));
            }
            case "classroom" -> m.add(Metric.of("Alarm/OverTemperature", MetricType.STRING,
                    wave > 0.95 ? "cpu at 81.0 °C (over 80)" : "", t));
            default -> {
                m.add(Metric.of("Lesson/DelaySeconds", MetricType.DOUBLE, 6.0 + 2 * wave, t));
                m.add(Metric.of("Lesson/GapSeconds", MetricType.DOUBLE, (double) (s / 20_000), t));
                m.add(Metric.of("Lesson/State", MetricType.STRING, "playing", t));
            }
        }
        return m;
    }
}
