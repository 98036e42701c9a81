package org.classbox.console;

import static org.classbox.console.IngestRig.SOON;
import static org.classbox.console.IngestRig.projectorData;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.classbox.console.sparkplug.Malformation;
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
 * Topics whose ids no box can have (look-alikes of box-7, over-long ids) or of the wrong shape: the topic decides
 * whose rows a message touches, so such a message is dropped and counted and box-7's rows stay as they were. (The
 * broker's ACL already refuses a box publishing on another box's topics; this is the console's own line.)
 */
@ExtendWith(TestGuard.class)
class ForgedIdTest {
    @RegisterExtension
    final IngestRig rig = IngestRig.with(Map.of()).born();

    @Test
    void a_look_alike_box_id_cannot_touch_the_real_box() throws Exception {
        Map<String, Long> rows = rig.rows();
        Map<String, Object> box = rig.box7();
        List<String> forged = List.of(
                "spBv1.0/school/DDATA/box-7 /projector",             // trailing space
                "spBv1.0/school/DDATA/b\u043Ex-7/projector",         // Cyrillic o
                "spBv1.0/school/DDATA/box-7\u200B/projector",        // zero-width space
                "spBv1.0/sch ool/DDATA/box-7/projector",
                "spBv1.0/school/DDATA/box-7/projector\u00A0",
                "spBv1.0/school/DDATA/" + "b".repeat(65) + "/projector");
        long seq = 2;
        for (String topic : forged) {
            rig.publish(topic, projectorData(seq++, 100 + seq, "on"));
        }
        long t = System.currentTimeMillis();
        rig.publish("spBv1.0/school/NDEATH/box-7 ", new Payload(t, null, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t))));
        rig.awaitMalformed(Malformation.FORGED_ID, forged.size() + 1);

        assertEquals(rows, rig.rows());
        assertEquals(box, rig.box7());
        assertEquals("off", rig.power());
        assertEquals(true, box.get("online"));
    }

    @Test
    void the_topic_decides_whose_rows_a_message_touches() throws Exception {
        Map<String, Object> box = rig.box7();
        long t = System.currentTimeMillis();
        // Box-8 sends box-7's record ids and epoch: they are box-8's records, parked until box-8 is born.
        rig.publish("spBv1.0/school/DDATA/box-8/projector", projectorData(2, 1, "on"));
        rig.publish("spBv1.0/school/NBIRTH/box-8", new Payload(t, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, t))));
        rig.publish("spBv1.0/school/NDEATH/box-8", new Payload(t, null, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t))));
        Await.until(SOON, "box-8 born, its data stored", () -> rig.rows().get("boxes") == 2
                && rig.rows().get("parked") == 0);

        assertEquals(box, rig.box7(), "box-7's row untouched by box-8's birth, data and death");
        assertEquals("off", rig.power());
    }

    @Test
    void a_topic_of_the_wrong_shape_is_dropped_as_a_bad_topic() throws Exception {
        Map<String, Long> rows = rig.rows();
        rig.publish("spBv1.0/school/DDATA/box-7", projectorData(2, 1, "on"));              // DDATA without device
        rig.publish("spBv1.0/school/NDATA/box-7/projector", projectorData(3, 2, "on"));    // NDATA with one
        rig.publish("spBv1.0/school/XDATA/box-7/projector", projectorData(4, 3, "on"));    // no such type
        rig.publish("spBv2.0/school/DDATA/box-7/projector", projectorData(5, 4, "on"));    // another namespace
        rig.awaitMalformed(Malformation.TOPIC, 3);

        assertEquals(rows, rig.rows());
        assertEquals("off", rig.power());
    }
}
