package org.classbox.console;

import static org.classbox.console.IngestRig.PROJECTOR;
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
 * A message over {@code mqtt.maxPacketBytes}: the broker drops it for the console (MQTT 5 Maximum Packet Size), so
 * the console sees it as the gap it leaves in the box's seq: counted, a rebirth asked, nothing stored of it.
 */
@ExtendWith(TestGuard.class)
class OversizedMessageTest {
    @RegisterExtension
    final IngestRig rig = IngestRig.with(Map.of("mqtt.maxPacketBytes", "2048", "ingest.reorderTimeoutMillis", "300"))
            .born();

    @Test
    void an_oversized_message_is_never_stored_and_shows_as_a_seq_gap() throws Exception {
        Map<String, Long> rows = rig.rows();
        long t = System.currentTimeMillis();
        rig.publish(String.format(PROJECTOR, "DDATA"), new Payload(t, 2L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 1L, t),
                Metric.of(Metrics.ERROR, MetricType.STRING, "e".repeat(3000), t))));
        rig.publish(String.format(PROJECTOR, "DDATA"), projectorData(3, 2, "on"));
        rig.awaitSample(2);
        Await.until(SOON, "the gap counted", () -> rig.counters().seqGaps() == 1);
        Await.until(SOON, "a rebirth asked", () -> rig.rebirthRequests().size() == 1);

        assertEquals(rows.get("samples") + 1, rig.rows().get("samples"), "record 2 alone");
        assertEquals(null, rig.box7().get("error"));
        assertEquals(0, rig.counters().malformed(Malformation.OVERSIZED), "the broker dropped it");
    }
}
