package org.classbox.agent.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class ProjectorRecordClassesTest {
    @Test
    void one_poll_splits_into_an_alarm_an_event_and_a_health_record_of_the_changed_metrics() {
        ProjectorRecords records = new ProjectorRecords();
        List<ProjectorRecords.Change> first = records.changes(poll("on", 10, "ok"));
        assertEquals(List.of("ALARM Error=ok,Reachable=true", "EVENT Power=on", "HEALTH Lamp/Hours=10"),
                describe(first));

        assertEquals(List.of("HEALTH Lamp/Hours=11"), describe(records.changes(poll("on", 11, "ok"))));
        assertEquals(List.of("ALARM Error=lamp:error", "EVENT Power=off"),
                describe(records.changes(poll("off", 11, "lamp:error"))));
        assertEquals(List.of(), describe(records.changes(poll("off", 11, "lamp:error"))));
    }

    @Test
    void a_record_the_journal_refused_is_made_again_on_the_next_poll() {
        ProjectorRecords records = new ProjectorRecords();
        records.changes(poll("on", 10, "ok"));
        List<ProjectorRecords.Change> raised = records.changes(poll("on", 10, "lamp:error"));
        records.notRecorded(raised.get(0));

        assertEquals(List.of("ALARM Error=lamp:error"), describe(records.changes(poll("on", 10, "lamp:error"))));
    }

    private static List<Metric> poll(String power, long lampHours, String error) {
        return List.of(Metric.of(Metrics.REACHABLE, MetricType.BOOLEAN, true, 1L),
                Metric.of(Metrics.POWER, MetricType.STRING, power, 1L),
                Metric.of(Metrics.LAMP_HOURS, MetricType.INT64, lampHours, 1L),
                Metric.of(Metrics.ERROR, MetricType.STRING, error, 1L));
    }

    private static List<String> describe(List<ProjectorRecords.Change> changes) {
        return changes.stream().map(c -> {
            assertEquals(Metrics.PROJECTOR_DEVICE, c.entry().stream());
            RecordClass recordClass = c.entry().recordClass();
            return recordClass + " " + PayloadCodec.decode(c.entry().body()).metrics().stream()
                    .map(m -> m.name() + "=" + m.value()).sorted().collect(Collectors.joining(","));
        }).collect(Collectors.toList());
    }
}
