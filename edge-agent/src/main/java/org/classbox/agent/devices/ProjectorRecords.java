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
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;

/**
 * Report by exception for the projector, and the record class of each change. Alarm metrics (Reachable, Error)
 * travel as {@code alarm} records: one when the condition starts, one when it ends, and the first value after the
 * agent starts (which clears an alarm raised before a restart). Lamp hours are a periodic reading, {@code health}:
 * the only kind the journal may thin, evict or hold back for the daily budget. Every other change (power, input,
 * name, model, what the projector supports) is an {@code event}. One poll yields up to three records, appended
 * alarm first. Pure; used on the supervisor's context only.
 */
final class ProjectorRecords {
    private final Map<String, Object> recorded = new HashMap<>();

    /** The record class a projector metric's changes travel in. */
    static RecordClass classOf(String metric) {
        if (metric.equals(Metrics.REACHABLE) || metric.equals(Metrics.ERROR)) {
            return RecordClass.ALARM;
        }
        return metric.equals(Metrics.LAMP_HOURS) ? RecordClass.HEALTH : RecordClass.EVENT;
    }

    /** The changed metrics of {@code sample}, one record per class, in class order (alarm, event, health). */
    List<Change> changes(List<Metric> sample) {
        Map<RecordClass, List<Metric>> byClass = new EnumMap<>(RecordClass.class);
        for (Metric metric : sample) {
            if (!recorded.containsKey(metric.name()) || !Objects.equals(recorded.get(metric.name()), metric.value())) {
                recorded.put(metric.name(), metric.value());
                byClass.computeIfAbsent(classOf(metric.name()), c -> new ArrayList<>()).add(metric);
            }
        }
        List<Change> changes = new ArrayList<>(byClass.size());
        byClass.forEach((recordClass, metrics) -> {
            long takenAt = metrics.get(0).timestamp();
            byte[] body = PayloadCodec.encode(new Payload(takenAt, null, metrics));
            changes.add(new Change(new JournalEntry(recordClass, Metrics.PROJECTOR_DEVICE, takenAt, body), metrics));
        });
        return changes;
    }

    /**
     * The journal refused {@code change}: its values count as never recorded, so the next poll that sees them
     * records them again and an alarm is not lost to a full disk.
     */
    void notRecorded(Change change) {
        change.metrics().forEach(m -> recorded.remove(m.name(), m.value()));
    }

    /** One record to append and the metrics it carries. */
    record Change(JournalEntry entry, List<Metric> metrics) {
    }
}
