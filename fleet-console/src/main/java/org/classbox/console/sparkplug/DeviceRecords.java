package org.classbox.console.sparkplug;

import java.util.ArrayList;
import java.util.List;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.FieldValue;
import org.classbox.console.store.ProjectorField;
import org.classbox.sparkplug.ClassroomMetrics;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.SparkplugTopic;

/**
 * A DBIRTH or DDATA split into what the console keeps: latest-state values ordered by journal record id, and (DDATA
 * only) the metrics of each record as samples, and every metric with the record id it came with as the device's latest
 * values (a birth's before any record id: 0). Pure; a record id that is not a whole number is reported, not thrown.
 *
 * @param badRecordId why the message's record ids are unusable, or null when they are fine
 */
record DeviceRecords(BoxKey box, String device, boolean isProjector, List<FieldValue> state, List<Value> samples,
                     List<Value> latest, String badRecordId) {

    /** One metric of one journal record. */
    record Value(long recordId, Metric metric) {
    }

    /** The lesson id of a lesson device ({@code lesson-<id>}), or null for any other device. */
    String lessonId() {
        return device.startsWith(ClassroomMetrics.LESSON_DEVICE_PREFIX)
                ? device.substring(ClassroomMetrics.LESSON_DEVICE_PREFIX.length()) : null;
    }

    /** Whether the records are the room's own ({@code classroom}: its privacy mode). */
    boolean isClassroom() {
        return ClassroomMetrics.CLASSROOM_DEVICE.equals(device);
    }

    static DeviceRecords of(SparkplugTopic topic, BoxKey box, Payload payload) {
        boolean projector = Metrics.PROJECTOR_DEVICE.equals(topic.deviceId());
        boolean isData = topic.type() == MessageType.DDATA;
        List<FieldValue> state = new ArrayList<>();
        List<Value> samples = new ArrayList<>();
        List<Value> latest = new ArrayList<>();
        // Latest state is ordered by journal record id, not by the box's clock: a box without a real-time clock may
        // jump backwards in time, its record ids never do. A DBIRTH carries the newest record its values reflect.
        Long recordId = null;
        for (Metric metric : payload.metrics()) {
            if (metric.name().equals(Metrics.RECORD_ID)) {
                if (metric.value() == null && !isData) {
                    continue; // A birth may declare the metric without a value: it orders nothing then.
                }
                if (!(metric.value() instanceof Long || metric.value() instanceof Integer)
                        || ((Number) metric.value()).longValue() < 0) {
                    return new DeviceRecords(box, topic.deviceId(), projector, List.of(), List.of(),
                            List.of(), Metrics.RECORD_ID + " must be a whole number >= 0, but was " + metric.type() + " "
                            + metric.value());
                }
                recordId = ((Number) metric.value()).longValue();
                continue;
            }
            ProjectorField field = ProjectorField.ofMetric(metric.name());
            if (field != null) {
                state.add(new FieldValue(field, metric.value(), recordId == null ? 0 : recordId));
            }
            latest.add(new Value(recordId == null ? 0 : recordId, metric));
            if (isData && recordId != null) {
                samples.add(new Value(recordId, metric));
            }
        }
        return new DeviceRecords(box, topic.deviceId(), projector, state, samples, latest, null);
    }
}
