package org.classbox.console.sparkplug;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classbox.console.store.LessonEvent;
import org.classbox.sparkplug.ClassroomMetrics;
import org.classbox.sparkplug.Metric;

/**
 * Turns a lesson device's DDATA records into lesson events: one per journal record that carries {@code Event/Kind}
 * (an event of the class) or {@code Snapshot/Jpeg}; the device's other records (lesson figures) are not events.
 * Pure.
 */
final class LessonEvents {
    static final String SNAPSHOT = "snapshot";

    private LessonEvents() {
    }

    /** Whether a lesson device's metric belongs to an event or snapshot record (stored as rows, not latest values). */
    static boolean isEventMetric(String name) {
        return name.startsWith("Event/") || name.startsWith("Snapshot/");
    }

    static List<LessonEvent> of(DeviceRecords records, long epoch) {
        Map<Long, List<Metric>> byRecord = new LinkedHashMap<>();
        for (DeviceRecords.Value value : records.samples()) {
            byRecord.computeIfAbsent(value.recordId(), id -> new ArrayList<>()).add(value.metric());
        }
        List<LessonEvent> events = new ArrayList<>(byRecord.size());
        byRecord.forEach((recordId, metrics) -> {
            Map<String, Metric> named = new LinkedHashMap<>();
            metrics.forEach(m -> named.put(m.name(), m));
            Metric kind = named.get(ClassroomMetrics.EVENT_KIND);
            Metric picture = named.get(ClassroomMetrics.SNAPSHOT_JPEG);
            if (kind == null && picture == null) {
                return;
            }
            Metric first = metrics.get(0);
            events.add(new LessonEvent(records.box(), epoch, recordId, records.lessonId(),
                    kind != null ? String.valueOf(kind.value()) : SNAPSHOT,
                    value(named, ClassroomMetrics.EVENT_MEDIA_TIME, Double.class),
                    value(named, ClassroomMetrics.EVENT_TEXT, String.class),
                    value(named, ClassroomMetrics.EVENT_COUNT, Long.class),
                    picture == null ? null : value(named, ClassroomMetrics.SNAPSHOT_JPEG, byte[].class),
                    first.timestamp(), first.historical()));
        });
        return events;
    }

    /** The metric's value if it has the expected type, else null (a wrong type is the box's bug, not a crash here). */
    private static <T> T value(Map<String, Metric> named, String name, Class<T> type) {
        Metric metric = named.get(name);
        return metric != null && type.isInstance(metric.value()) ? type.cast(metric.value()) : null;
    }
}
