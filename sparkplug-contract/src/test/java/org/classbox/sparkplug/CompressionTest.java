package org.classbox.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.classbox.testing.TestGuard;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.util.CompressionAlgorithm;
import org.eclipse.tahu.util.PayloadUtil;
import org.eclipse.tahu.protobuf.SparkplugBProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class CompressionTest {
    private static final long T = 1_700_000_000_000L;

    private static Payload historicalBatch() {
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            metrics.add(new Metric(Metrics.RECORD_ID, MetricType.UINT64, 1000L + i, T + i * 1000L, true));
            metrics.add(new Metric("Host/Gauge0", MetricType.DOUBLE, 20.0 + i / 10.0, T + i * 1000L, true));
        }
        return new Payload(T + 60_000, 5L, metrics);
    }

    @Test
    void both_algorithms_round_trip_and_shrink_a_historical_batch() {
        byte[] plain = PayloadCodec.encode(historicalBatch());
        for (Compression algorithm : Compression.values()) {
            byte[] compressed = PayloadCodec.compress(plain, algorithm, T, 5L);

            assertEquals(historicalBatch(), PayloadCodec.decode(compressed), algorithm.name());
            assertTrue(compressed.length < plain.length / 2, algorithm + ": " + compressed.length + " of "
                    + plain.length);
        }
    }

    @Test
    void tahu_inflates_what_we_compress() throws Exception {
        byte[] plain = PayloadCodec.encode(historicalBatch());
        for (Compression algorithm : Compression.values()) {
            SparkplugBPayload outer = new SparkplugBPayloadDecoder().buildFromByteArray(
                    PayloadCodec.compress(plain, algorithm, T, 5L), null);

            SparkplugBPayload inner = PayloadUtil.decompress(outer, null);

            assertEquals(100, inner.getMetrics().size(), algorithm.name());
            assertEquals(java.math.BigInteger.valueOf(1049), inner.getMetrics().get(98).getValue(), "UInt64 in Tahu");
            assertEquals(24.9, inner.getMetrics().get(99).getValue());
        }
    }

    @Test
    void we_inflate_what_tahu_compresses() throws Exception {
        byte[] plain = PayloadCodec.encode(historicalBatch());
        SparkplugBPayload tahuPayload = new SparkplugBPayloadDecoder().buildFromByteArray(plain, null);
        for (CompressionAlgorithm algorithm : List.of(CompressionAlgorithm.GZIP, CompressionAlgorithm.DEFLATE)) {
            byte[] compressed = new SparkplugBPayloadEncoder().getBytes(
                    PayloadUtil.compress(tahuPayload, algorithm, false), false);

            assertEquals(historicalBatch(), PayloadCodec.decode(compressed), algorithm.name());
        }
    }

    @Test
    void a_body_expanding_past_the_limit_is_refused() {
        byte[] bomb = PayloadCodec.compress(new byte[PayloadCodec.MAX_INFLATED_BYTES + 1], Compression.DEFLATE, T, 1L);
        assertTrue(bomb.length < PayloadCodec.MAX_PAYLOAD_BYTES, "the bomb itself is small: " + bomb.length);

        SparkplugException e = assertThrows(SparkplugException.class, () -> PayloadCodec.decode(bomb));

        assertTrue(e.getMessage().contains("expands past the limit"), e.getMessage());
    }

    @Test
    void garbage_bodies_and_unknown_algorithms_give_clear_errors() {
        byte[] garbage = compressedWith("GZIP", new byte[] {1, 2, 3, 4});
        SparkplugException e = assertThrows(SparkplugException.class, () -> PayloadCodec.decode(garbage));
        assertTrue(e.getMessage().startsWith("cannot inflate a GZIP payload body of 4 bytes"), e.getMessage());

        byte[] unknown = compressedWith("LZ4", new byte[] {1});
        e = assertThrows(SparkplugException.class, () -> PayloadCodec.decode(unknown));
        assertTrue(e.getMessage().contains("unsupported Sparkplug compression algorithm 'LZ4'"), e.getMessage());
    }

    @Test
    void a_compressed_payload_nested_in_another_is_refused() {
        byte[] once = PayloadCodec.compress(PayloadCodec.encode(historicalBatch()), Compression.GZIP, T, 1L);
        byte[] twice = PayloadCodec.compress(once, Compression.GZIP, T, 1L);

        SparkplugException e = assertThrows(SparkplugException.class, () -> PayloadCodec.decode(twice));

        assertTrue(e.getMessage().contains("nests another"), e.getMessage());
    }

    private static byte[] compressedWith(String algorithm, byte[] body) {
        return SparkplugBProto.Payload.newBuilder().setTimestamp(T).setUuid(PayloadCodec.COMPRESSED_UUID)
                .setBody(com.google.protobuf.ByteString.copyFrom(body))
                .addMetrics(SparkplugBProto.Payload.Metric.newBuilder().setName(PayloadCodec.ALGORITHM)
                        .setDatatype(MetricType.STRING.code()).setStringValue(algorithm))
                .build().toByteArray();
    }
}
