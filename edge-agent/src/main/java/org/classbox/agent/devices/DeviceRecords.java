package org.classbox.agent.devices;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;

/**
 * Report by exception for one device, and the record class of each change (docs/protocol.md, "Devices"):
 * {@code Reachable}, {@code Error} and {@code Alarm/*} travel as alarm records; numbers as health, journaled again
 * only once they moved by the deadband or the health interval passed; counters ({@code .../Presses}), flags and
 * text as events. The first value after the agent starts is always recorded (it clears an alarm raised before a
 * restart). One sample yields up to three records, alarm first. Pure; used on the supervisor's context only.
 */
final class DeviceRecords {
    private final String stream;
    private final double deadbandPercent;
    private final long healthMillis;
    private final Map<String, Object> recorded = new HashMap<>();
    private final Map<String, Long> recordedAt = new HashMap<>();

    DeviceRecords(String stream, double deadbandPercent, long healthMillis) {
        this.stream = stream;
        this.deadbandPercent = deadbandPercent;
        this.healthMillis = healthMillis;
    }

    /** The record class a metric's changes travel in. */
    static RecordClass classOf(Metric metric) {
        String name = metric.name();
        if (name.equals("Reachable") || name.equals("Error") || name.startsWith("Alarm/")) {
            return RecordClass.ALARM;
        }
        boolean number = metric.type() == MetricType.INT64 || metric.type() == MetricType.DOUBLE;
        return number && !name.endsWith("/Presses") ? RecordClass.HEALTH : RecordClass.EVENT;
    }

    /** The metrics of {@code sample} worth recording now, one record per class, in class order. */
    List<Change> changes(List<Metric> sample) {
        Map<RecordClass, List<Metric>> byClass = new EnumMap<>(RecordClass.class);
        for (Metric metric : sample) {
            RecordClass recordClass = classOf(metric);
            if (worthRecording(metric, recordClass)) {
                recorded.put(metric.name(), metric.value());
                recordedAt.put(metric.name(), metric.timestamp());
                byClass.computeIfAbsent(recordClass, c -> new ArrayList<>()).add(metric);
            }
        }
        List<Change> changes = new ArrayList<>(byClass.size());
        byClass.forEach((recordClass, metrics) -> {
            long takenAt = metrics.get(0).timestamp();
            byte[] body = PayloadCodec.encode(new Payload(takenAt, null, metrics));
            changes.add(new Change(new JournalEntry(recordClass, stream, takenAt, body), metrics));
        });
        return changes;
    }

    /**
     * The journal refused {@code change}: its values count as never recorded, so the next poll that sees them
     * records them again and an alarm is not lost to a full disk.
     */
    void notRecorded(Change change) {
        change.metrics().forEach(m -> {
            if (recorded.remove(m.name(), m.value())) {
                recordedAt.remove(m.name());
            }
        });
    }

    private boolean worthRecording(Metric metric, RecordClass recordClass) {
        if (!recorded.containsKey(metric.name())) {
            return true;
        }
        Object last = recorded.get(metric.name());
        if (Objects.equals(last, metric.value())) {
            return false;
        }
        if (recordClass != RecordClass.HEALTH || last == null || metric.value() == null) {
            return true;
        }
        double before = ((Number) last).doubleValue();
        double now = ((Number) metric.value()).doubleValue();
        boolean beyondDeadband = Math.abs(now - before) >= Math.abs(before) * deadbandPercent / 100.0;
        return beyondDeadband || metric.timestamp() - recordedAt.get(metric.name()) >= healthMillis;
    }

    /** One record to append and the metrics it carries. */
    record Change(JournalEntry entry, List<Metric> metrics) {
    }
}
