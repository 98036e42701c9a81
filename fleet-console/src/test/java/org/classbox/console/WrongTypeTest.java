package org.classbox.console;

import static org.classbox.console.IngestRig.PROJECTOR;
import static org.classbox.console.IngestRig.projectorData;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.classbox.console.sparkplug.Malformation;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A DDATA metric of another datatype than its DBIRTH declared: dropped whole and counted, the store unchanged. */
@ExtendWith(TestGuard.class)
class WrongTypeTest {
    @RegisterExtension
    final IngestRig rig = IngestRig.with(Map.of()).born();

    @Test
    void a_value_of_another_type_than_its_birth_declared_changes_nothing() throws Exception {
        Map<String, Long> rows = rig.rows();
        Map<String, Object> box = rig.box7();
        long t = System.currentTimeMillis();
        // The birth said Power is a STRING and Lamp/Hours an INT64.
        rig.publish(String.format(PROJECTOR, "DDATA"), new Payload(t, 2L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 1L, t),
                Metric.of(Metrics.POWER, MetricType.BOOLEAN, true, t))));
        rig.publish(String.format(PROJECTOR, "DDATA"), new Payload(t, 3L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 2L, t),
                Metric.of(Metrics.LAMP_HOURS, MetricType.DOUBLE, 1.5, t))));
        rig.awaitMalformed(Malformation.WRONG_TYPE, 2);
        assertEquals(rows, rig.rows());
        assertEquals(box, rig.box7());

        rig.publish(String.format(PROJECTOR, "DDATA"), projectorData(4, 3, "on"));
        rig.awaitSample(3);
        assertEquals("on", rig.power());
        assertEquals(0, rig.counters().seqGaps(), "dropped messages still took their place in the sequence");
    }
}
