package org.classbox.sparkplug;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.classbox.testing.TestGuard;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.model.MetricDataTypeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A third-party Sparkplug host (Eclipse Tahu's decoder) reads the births and the uncompressed live data we send. */
@ExtendWith(TestGuard.class)
class TahuInteropTest {
    private static final long T = 1_700_000_000_000L;
    private static final Map<String, Long> ALIASES = Map.of(Metrics.RECORD_ID, 0L, Metrics.POWER, 1L,
            Metrics.LAMP_HOURS, 2L);

    @Test
    void tahu_reads_a_live_ddata_by_the_aliases_and_types_of_the_birth() throws Exception {
        byte[] birth = PayloadCodec.encodeBirth(new Payload(T, 1L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 41L, T),
                Metric.of(Metrics.POWER, MetricType.STRING, "off", T),
                Metric.of(Metrics.LAMP_HOURS, MetricType.INT64, 1200L, T))), ALIASES);
        byte[] live = PayloadCodec.encodeData(new Payload(T + 5000, 2L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 42L, T + 4000),
                Metric.of(Metrics.POWER, MetricType.STRING, "on", T + 4000),
                Metric.of(Metrics.LAMP_HOURS, MetricType.INT64, 1201L, T + 4000))), ALIASES);

        SparkplugBPayload tahuBirth = new SparkplugBPayloadDecoder().buildFromByteArray(birth, null);
        MetricDataTypeMap types = new MetricDataTypeMap();
        for (org.eclipse.tahu.message.model.Metric m : tahuBirth.getMetrics()) {
            types.addMetricDataType(m.getAlias(), m.getDataType());
        }
        SparkplugBPayload data = new SparkplugBPayloadDecoder().buildFromByteArray(live, types);

        assertEquals(2L, data.getSeq());
        assertEquals(3, data.getMetrics().size());
        org.eclipse.tahu.message.model.Metric power = data.getMetrics().get(1);
        assertFalse(power.hasName(), "DATA carries the alias alone");
        assertEquals(1L, power.getAlias());
        assertEquals(MetricDataType.String, power.getDataType());
        assertEquals("on", power.getValue());
        assertEquals(T + 4000, power.getTimestamp().getTime());
        assertEquals(1201L, data.getMetrics().get(2).getValue());
        assertEquals(Metrics.LAMP_HOURS, tahuBirth.getMetrics().get(2).getName());
    }

    @Test
    void tahu_reads_a_classroom_snapshot_as_bytes() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        byte[] data = PayloadCodec.encode(new Payload(T, 3L, List.of(
                Metric.of(ClassroomMetrics.SNAPSHOT_JPEG, MetricType.BYTES, jpeg, T))));

        org.eclipse.tahu.message.model.Metric snapshot = new SparkplugBPayloadDecoder().buildFromByteArray(data, null)
                .getMetrics().get(0);

        assertEquals(MetricDataType.Bytes, snapshot.getDataType());
        assertArrayEquals(jpeg, (byte[]) snapshot.getValue());
    }
}
