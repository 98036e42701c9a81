package org.classbox.sparkplug;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class PayloadCodecTest {

    @Test
    void encodes_a_node_death_exactly_as_the_sparkplug_schema_lays_it_out() {
        byte[] bytes = PayloadCodec.encode(new Payload(1000, null,
                List.of(Metric.of(Metrics.BD_SEQ, MetricType.INT64, 3L, 1000))));

        byte[] expected = HexFormat.of().parseHex(""
                + "08e807"        // field 1 timestamp, varint 1000
                + "120e"          // field 2 metrics, length 14
                + "0a05" + "6264536571" // metric field 1 name, "bdSeq"
                + "18e807"        // metric field 3 timestamp, varint 1000
                + "2004"          // metric field 4 datatype, 4 = Int64
                + "5803");        // metric field 11 long_value, 3
        assertArrayEquals(expected, bytes, HexFormat.of().formatHex(bytes));
    }

    @Test
    void round_trips_every_metric_type_with_historical_and_null_flags() {
        Payload payload = new Payload(1_700_000_000_123L, 7L, List.of(
                Metric.of(Metrics.POWER, MetricType.STRING, "on", 1_700_000_000_000L),
                Metric.of(Metrics.LAMP_HOURS, MetricType.INT64, 1234L, 1_700_000_000_000L).asHistorical(),
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, Long.MAX_VALUE, 1L),
                Metric.of("Temperature", MetricType.DOUBLE, 41.5, 2L),
                Metric.of("Count", MetricType.INT32, -5, 3L),
                Metric.of(Metrics.REACHABLE, MetricType.BOOLEAN, true, 4L),
                Metric.of(Metrics.INPUT, MetricType.STRING, null, 5L)));

        assertEquals(payload, PayloadCodec.decode(PayloadCodec.encode(payload)));
    }

    @Test
    void a_snapshot_travels_as_a_bytes_metric_as_the_sparkplug_schema_lays_it_out() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
        byte[] bytes = PayloadCodec.encode(new Payload(1000, null,
                List.of(Metric.of(ClassroomMetrics.SNAPSHOT_JPEG, MetricType.BYTES, jpeg, 1000))));

        byte[] expected = HexFormat.of().parseHex(""
                + "08e807"        // field 1 timestamp, varint 1000
                + "121a"          // field 2 metrics, length 26
                + "0a0d" + "536e617073686f742f4a706567" // metric field 1 name, "Snapshot/Jpeg"
                + "18e807"        // metric field 3 timestamp, varint 1000
                + "2011"          // metric field 4 datatype, 17 = Bytes
                + "820103ffd8ff"); // metric field 16 bytes_value (tag 0x82 0x01), length 3, the JPEG's first bytes
        assertArrayEquals(expected, bytes, HexFormat.of().formatHex(bytes));
        assertArrayEquals(jpeg, (byte[]) PayloadCodec.decode(bytes).metric(ClassroomMetrics.SNAPSHOT_JPEG)
                .orElseThrow().value());
    }

    @Test
    void garbage_bytes_give_a_clear_error() {
        SparkplugException e = assertThrows(SparkplugException.class,
                () -> PayloadCodec.decode(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01}));
        assertTrue(e.getMessage().startsWith("not a Sparkplug B payload (4 bytes)"), e.getMessage());
    }

    @Test
    void truncated_payload_is_rejected() {
        byte[] whole = PayloadCodec.encode(new Payload(1, 0L,
                List.of(Metric.of(Metrics.POWER, MetricType.STRING, "warming", 1))));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 3);
        assertThrows(SparkplugException.class, () -> PayloadCodec.decode(truncated));
    }

    @Test
    void oversized_payload_is_rejected_before_parsing() {
        SparkplugException e = assertThrows(SparkplugException.class,
                () -> PayloadCodec.decode(new byte[PayloadCodec.MAX_PAYLOAD_BYTES + 1]));
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
    }

    @Test
    void metric_whose_value_contradicts_its_datatype_is_rejected() {
        // datatype 12 (String) but carrying long_value 5
        byte[] bytes = HexFormat.of().parseHex("0801" + "1207" + "0a0150" + "200c" + "5805");
        SparkplugException e = assertThrows(SparkplugException.class, () -> PayloadCodec.decode(bytes));
        assertTrue(e.getMessage().contains("declares datatype 12"), e.getMessage());
    }

    @Test
    void host_state_round_trips_and_rejects_other_json() {
        HostState state = new HostState(true, 1_700_000_000_000L);
        assertEquals("{\"online\":true,\"timestamp\":1700000000000}", new String(state.encode()));
        assertEquals(state, HostState.decode(state.encode()));
        assertEquals(new HostState(false, 5), HostState.decode("{ \"timestamp\": 5, \"online\": false }".getBytes()));
        assertThrows(SparkplugException.class, () -> HostState.decode("ONLINE".getBytes()));
    }
}
