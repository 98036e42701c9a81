package org.classbox.console;

import static org.classbox.console.IngestRig.PROJECTOR;
import static org.classbox.console.IngestRig.projectorData;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.classbox.console.sparkplug.Malformation;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.MetricType;
import org.classbox.testing.TestGuard;
import org.eclipse.tahu.protobuf.SparkplugBProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Payloads that are not Sparkplug B: dropped and counted, the store unchanged, the console still ingesting. */
@ExtendWith(TestGuard.class)
class MalformedPayloadTest {
    @RegisterExtension
    final IngestRig rig = IngestRig.with(Map.of()).born();

    @Test
    void garbage_a_seq_out_of_range_and_a_value_unlike_its_datatype_change_nothing_and_are_counted()
            throws Exception {
        Map<String, Long> rows = rig.rows();
        Map<String, Object> box = rig.box7();
        long t = System.currentTimeMillis();
        String topic = String.format(PROJECTOR, "DDATA");

        // Field 1 (timestamp) as a length-delimited field of 100 bytes that are not there: not a protobuf.
        rig.publish(topic, new byte[] {0x0A, 0x64, 0x01, 0x02});
        // A well-formed protobuf whose seq is 300: Sparkplug numbers messages 0-255.
        rig.publish(topic, SparkplugBProto.Payload.newBuilder().setTimestamp(t).setSeq(300).addMetrics(
                SparkplugBProto.Payload.Metric.newBuilder().setName(Metrics.POWER)
                        .setDatatype(MetricType.STRING.code()).setStringValue("on")).build().toByteArray());
        // Power declared a STRING but carrying a long.
        rig.publish(topic, SparkplugBProto.Payload.newBuilder().setTimestamp(t).setSeq(2).addMetrics(
                SparkplugBProto.Payload.Metric.newBuilder().setName(Metrics.POWER)
                        .setDatatype(MetricType.STRING.code()).setLongValue(1)).build().toByteArray());
        rig.awaitMalformed(Malformation.PAYLOAD, 3);

        assertEquals(rows, rig.rows());
        assertEquals(box, rig.box7());
        rig.publish(topic, projectorData(3, 1, "on"));
        rig.awaitSample(1);
        assertEquals("on", rig.power(), "still ingesting");
        assertEquals(3, rig.counters().malformed(Malformation.PAYLOAD));
    }

    @Test
    void the_ingest_counters_name_every_reason_and_the_seq_and_rebirth_counts() {
        Map<String, Object> counts = rig.counters().snapshot();
        assertEquals(Map.of("topic", 0L, "forgedId", 0L, "oversized", 0L, "payload", 0L, "noBdSeq", 0L,
                "wrongType", 0L, "recordId", 0L, "value", 0L), counts.get("malformed"));
        for (String name : List.of("seqGaps", "seqRepeats", "rebirthsForSeqGap", "rebirthsForUnknownAlias",
                "unknownAliases", "rebirthRequests")) {
            assertEquals(0L, counts.get(name), name);
        }
    }
}
