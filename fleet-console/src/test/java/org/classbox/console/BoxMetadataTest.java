package org.classbox.console;

import static org.classbox.console.IngestRig.NODE;
import static org.classbox.console.IngestRig.SOON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

/** Where a box stands, from its NBIRTH's Box/* metrics into the boxes columns, replaced at each birth. */
@ExtendWith(TestGuard.class)
class BoxMetadataTest {
    @RegisterExtension
    final IngestRig rig = IngestRig.with(Map.of());

    @Test
    void each_birth_stores_region_county_school_and_classroom() throws Exception {
        birth(1, "四川", "Zhaojue", "Zhaojue Central Primary School", "Grade 5 Class 1");
        Await.until(SOON, "metadata stored", () -> "四川".equals(rig.box7().get("region")));
        assertEquals("Zhaojue", rig.box7().get("county"));
        assertEquals("Zhaojue Central Primary School", rig.box7().get("school"));
        assertEquals("Grade 5 Class 1", rig.box7().get("classroom"));

        birth(2, "Sichuan", "", "", "");
        Await.until(SOON, "metadata replaced", () -> "Sichuan".equals(rig.box7().get("region")));
        assertNull(rig.box7().get("county"), "empty: not configured");
    }

    @Test
    void metadata_too_wide_for_its_column_is_left_empty_and_the_birth_still_counts() throws Exception {
        birth(1, "r".repeat(65), "Zhaojue", "School", "Room");
        rig.awaitMalformed(Malformation.VALUE, 1);
        assertEquals(true, rig.box7().get("online"));
        assertNull(rig.box7().get("region"));
        assertNull(rig.box7().get("county"));
    }

    private void birth(long bdSeq, String region, String county, String school, String classroom) throws Exception {
        long t = System.currentTimeMillis();
        rig.publish(String.format(NODE, "NBIRTH"), new Payload(t, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, bdSeq, t),
                Metric.of(Metrics.BOX_REGION, MetricType.STRING, region, t),
                Metric.of(Metrics.BOX_COUNTY, MetricType.STRING, county, t),
                Metric.of(Metrics.BOX_SCHOOL, MetricType.STRING, school, t),
                Metric.of(Metrics.BOX_CLASSROOM, MetricType.STRING, classroom, t))));
    }
}
