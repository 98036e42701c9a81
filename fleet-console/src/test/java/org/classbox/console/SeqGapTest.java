package org.classbox.console;

import static org.classbox.console.IngestRig.PROJECTOR;
import static org.classbox.console.IngestRig.SOON;
import static org.classbox.console.IngestRig.projectorData;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A box's {@code seq} through a real broker and console: a message that never comes is a gap (counted, a rebirth
 * asked, what arrived stored); a late resend, a duplicate or a console that lost count is not. Whether a gap was
 * counted is known by making one on another box afterwards: the console checks all boxes' holes together.
 */
@ExtendWith(TestGuard.class)
class SeqGapTest {
    @RegisterExtension
    final IngestRig rig = IngestRig.with(Map.of("ingest.reorderTimeoutMillis", "300")).born();

    @Test
    void a_message_that_never_comes_is_a_gap_that_asks_for_a_rebirth_and_what_came_is_stored() throws Exception {
        rig.publish(String.format(PROJECTOR, "DDATA"), projectorData(2, 1, "warming"));
        rig.publish(String.format(PROJECTOR, "DDATA"), projectorData(4, 3, "on")); // seq 3 lost
        rig.awaitSample(3);
        Await.until(SOON, "the gap counted", () -> rig.counters().seqGaps() == 1);
        Await.until(SOON, "a rebirth asked of box-7", () -> rig.rebirthRequests().size() == 1);
        assertEquals(1, rig.counters().rebirthsForSeqGap());
        assertEquals(0, rig.counters().rebirthsForUnknownAlias());
        assertEquals(2L, rig.rows().get("samples"), "records 1 and 3");
        assertEquals("on", rig.power());
    }

    @Test
    void a_resend_with_its_number_and_a_duplicate_are_not_gaps() throws Exception {
        rig.publish(String.format(PROJECTOR, "DDATA"), projectorData(2, 1, "warming"));
        rig.publish(String.format(PROJECTOR, "DDATA"), projectorData(4, 3, "on")); // 3 refused by the broker...
        rig.publish(String.format(PROJECTOR, "DDATA"), projectorData(3, 2, "on")); // ... and sent again
        rig.publish(String.format(PROJECTOR, "DDATA"), projectorData(4, 3, "on")); // a QoS 1 duplicate
        rig.publish(String.format(PROJECTOR, "DDATA"), projectorData(5, 4, "on"));
        rig.awaitSample(4);

        aGapOnBox8();
        assertEquals(1, rig.counters().seqGaps(), "box-8's gap alone");
        assertEquals(List.of(), rig.rebirthRequests());
        assertEquals(1L, rig.counters().snapshot().get("seqRepeats"));
    }

    @Test
    void a_restarted_console_adopts_the_next_seq_it_sees_without_a_rebirth() throws Exception {
        rig.publish(String.format(PROJECTOR, "DDATA"), projectorData(2, 1, "warming"));
        rig.awaitSample(1);
        rig.console().stopConsole();
        rig.console().startConsole();
        rig.publish(String.format(PROJECTOR, "DDATA"), projectorData(40, 2, "on"));
        rig.awaitSample(2);

        aGapOnBox8();
        assertEquals(1, rig.counters().seqGaps(), "box-8's gap alone");
        assertEquals(List.of(), rig.rebirthRequests());
    }

    /** Box-8 is born and skips a message; returns once its gap is counted. */
    private void aGapOnBox8() throws Exception {
        long t = System.currentTimeMillis();
        rig.publish("spBv1.0/school/NBIRTH/box-8", new Payload(t, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t))));
        rig.publish("spBv1.0/school/NDATA/box-8", new Payload(t, 2L, List.of(
                Metric.of("Uptime", MetricType.INT64, 1L, t))));
        Await.until(SOON, "box-8's gap counted", () -> rig.counters().seqGaps() >= 1);
    }
}
