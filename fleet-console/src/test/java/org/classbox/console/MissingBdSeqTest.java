package org.classbox.console;

import static org.classbox.console.IngestRig.NODE;
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

/** NBIRTH and NDEATH without bdSeq cannot be matched to each other: dropped and counted, the box's row unchanged. */
@ExtendWith(TestGuard.class)
class MissingBdSeqTest {
    @RegisterExtension
    final IngestRig rig = IngestRig.with(Map.of());

    @Test
    void a_birth_without_bd_seq_does_not_bring_a_box_online() throws Exception {
        long t = System.currentTimeMillis();
        rig.publish(String.format(NODE, "NBIRTH"), new Payload(t, 0L, List.of(
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, t))));
        rig.awaitMalformed(Malformation.NO_BD_SEQ, 1);
        assertEquals(0L, rig.rows().get("boxes"));
        assertEquals(0L, rig.rows().get("births"));
    }

    @Test
    void a_death_without_bd_seq_does_not_take_a_box_offline() throws Exception {
        rig.bornWithProjector();
        Map<String, Long> rows = rig.rows();
        Map<String, Object> box = rig.box7();
        long t = System.currentTimeMillis();
        rig.publish(String.format(NODE, "NDEATH"), new Payload(t, null, List.of(
                Metric.of("Reason", MetricType.STRING, "no bdSeq", t))));
        // bdSeq of the wrong type is no bdSeq either.
        rig.publish(String.format(NODE, "NDEATH"), new Payload(t, null, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.STRING, "1", t))));
        rig.awaitMalformed(Malformation.NO_BD_SEQ, 2);
        assertEquals(rows, rig.rows());
        assertEquals(box, rig.box7());
        assertEquals(true, box.get("online"));
    }
}
