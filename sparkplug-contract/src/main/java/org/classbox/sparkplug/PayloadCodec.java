package org.classbox.sparkplug;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.eclipse.tahu.protobuf.SparkplugBProto;

/**
 * Encodes and decodes Sparkplug B payloads with the official protobuf schema. Pure: bytes in, records out.
 *
 * <p>Three wire forms: plain ({@link #encode(Payload)}: every metric with name and datatype), births with aliases
 * ({@link #encodeBirth}: name, alias and datatype) and data with aliases ({@link #encodeData}: alias only, as Sparkplug
 * B 3.0 asks of DATA messages once births declared the aliases). Any of them may be wrapped by {@link #compress}.
 * {@link #decode} inflates compressed payloads transparently; payloads using aliases are read with {@link AliasBook}.
 */
public final class PayloadCodec {
    /** Sparkplug B payloads are small; anything larger is garbage or an attack. */
    public static final int MAX_PAYLOAD_BYTES = 1024 * 1024;
    /** How far a compressed payload body may expand. */
    public static final int MAX_INFLATED_BYTES = 16 * 1024 * 1024;
    /** The {@code uuid} of a payload whose {@code body} is another, compressed, payload. */
    public static final String COMPRESSED_UUID = "SPBV1.0_COMPRESSED";
    /** The metric of a compressed payload naming its algorithm. */
    public static final String ALGORITHM = "algorithm";

    private static final SparkplugBProto.Payload.Metric.ValueCase NONE =
            SparkplugBProto.Payload.Metric.ValueCase.VALUE_NOT_SET;

    private PayloadCodec() {
    }

    /** Every metric with its name and datatype: readable by any Sparkplug host without births. */
    public static byte[] encode(Payload payload) {
        return encode(payload, Map.of(), false);
    }

    /** A birth: every metric with its name, datatype and, where {@code aliases} has one, its alias. */
    public static byte[] encodeBirth(Payload payload, Map<String, Long> aliases) {
        return encode(payload, aliases, true);
    }

    /**
     * A DATA message: metrics that have an alias in {@code aliases} carry the alias alone, without name or datatype
     * (a host takes both from the birth); the others carry name and datatype.
     */
    public static byte[] encodeData(Payload payload, Map<String, Long> aliases) {
        return encode(payload, aliases, false);
    }

    /**
     * Wraps an encoded payload as the Sparkplug specification allows: {@code uuid} {@value #COMPRESSED_UUID},
     * {@code body} the compressed bytes, and a String metric {@value #ALGORITHM} naming the algorithm.
     */
    public static byte[] compress(byte[] encoded, Compression algorithm, long timestamp, Long seq) {
        SparkplugBProto.Payload.Builder builder = SparkplugBProto.Payload.newBuilder()
                .setTimestamp(timestamp)
                .setUuid(COMPRESSED_UUID)
                .setBody(com.google.protobuf.ByteString.copyFrom(algorithm.compress(encoded)))
                .addMetrics(SparkplugBProto.Payload.Metric.newBuilder().setName(ALGORITHM)
                        .setTimestamp(timestamp).setDatatype(MetricType.STRING.code())
                        .setStringValue(algorithm.name()));
        if (seq != null) {
            builder.setSeq(seq);
        }
        return builder.build().toByteArray();
    }

    /** Decodes a payload whose metrics all carry their names, inflating it first if it is compressed. */
    public static Payload decode(byte[] bytes) {
        return toPayload(parse(bytes), alias -> {
            throw new SparkplugException("metric with alias " + alias + " and no name: read aliased payloads"
                    + " through an AliasBook fed with the births");
        });
    }

    /**
     * The {@code seq} of a payload (inflated first if compressed), or null when it has none; read without its
     * metrics, so a payload whose aliases no birth declared still tells its place in the edge node's sequence.
     */
    public static Long seq(byte[] bytes) {
        SparkplugBProto.Payload proto = parse(bytes);
        return proto.hasSeq() ? proto.getSeq() : null;
    }

    /** Parses the protobuf, inflating a compressed payload (one level; a compressed body must not nest another). */
    static SparkplugBProto.Payload parse(byte[] bytes) {
        SparkplugBProto.Payload proto = parseProto(bytes, MAX_PAYLOAD_BYTES);
        if (!COMPRESSED_UUID.equals(proto.getUuid())) {
            return proto;
        }
        // Tahu treats a compressed payload without the algorithm metric as DEFLATE; so do we.
        Compression algorithm = Compression.DEFLATE;
        for (SparkplugBProto.Payload.Metric metric : proto.getMetricsList()) {
            if (ALGORITHM.equals(metric.getName())) {
                algorithm = Compression.ofAlgorithm(metric.getStringValue());
            }
        }
        byte[] inner = algorithm.decompress(proto.getBody().toByteArray(), MAX_INFLATED_BYTES);
        SparkplugBProto.Payload payload = parseProto(inner, MAX_INFLATED_BYTES);
        if (COMPRESSED_UUID.equals(payload.getUuid())) {
            throw new SparkplugException("compressed Sparkplug payload nests another compressed payload");
        }
        return payload;
    }

    /** Turns a parsed payload into records, resolving metrics without a name through {@code aliases}. */
    static Payload toPayload(SparkplugBProto.Payload proto, LongFunction<Definition> aliases) {
        List<Metric> metrics = new ArrayList<>(proto.getMetricsCount());
        for (SparkplugBProto.Payload.Metric metric : proto.getMetricsList()) {
            metrics.add(decodeMetric(metric, proto.getTimestamp(), aliases));
        }
        return new Payload(proto.getTimestamp(), proto.hasSeq() ? proto.getSeq() : null, metrics);
    }

    /** What a birth declared for an alias. */
    record Definition(String name, MetricType type) {
    }

    private static SparkplugBProto.Payload parseProto(byte[] bytes, int limit) {
        if (bytes.length > limit) {
            throw new SparkplugException("Sparkplug payload of " + bytes.length + " bytes exceeds the limit of "
                    + limit);
        }
        try {
            return SparkplugBProto.Payload.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new SparkplugException("not a Sparkplug B payload (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }

    private static byte[] encode(Payload payload, Map<String, Long> aliases, boolean birth) {
        SparkplugBProto.Payload.Builder builder = SparkplugBProto.Payload.newBuilder()
                .setTimestamp(payload.timestamp());
        if (payload.seq() != null) {
            builder.setSeq(payload.seq());
        }
        for (Metric metric : payload.metrics()) {
            builder.addMetrics(encodeMetric(metric, aliases.get(metric.name()), birth));
        }
        return builder.build().toByteArray();
    }

    private static SparkplugBProto.Payload.Metric encodeMetric(Metric metric, Long alias, boolean birth) {
        SparkplugBProto.Payload.Metric.Builder builder = SparkplugBProto.Payload.Metric.newBuilder()
                .setTimestamp(metric.timestamp());
        if (alias == null || birth) {
            builder.setName(metric.name()).setDatatype(metric.type().code());
        }
        if (alias != null) {
            builder.setAlias(alias);
        }
        if (metric.historical()) {
            builder.setIsHistorical(true);
        }
        Object value = metric.value();
        if (value == null) {
            return builder.setIsNull(true).build();
        }
        switch (metric.type()) {
            case INT32:
                builder.setIntValue((Integer) value);
                break;
            case INT64:
            case UINT64:
                builder.setLongValue((Long) value);
                break;
            case DOUBLE:
                builder.setDoubleValue((Double) value);
                break;
            case BOOLEAN:
                builder.setBooleanValue((Boolean) value);
                break;
            case STRING:
                builder.setStringValue((String) value);
                break;
            case BYTES:
                builder.setBytesValue(com.google.protobuf.ByteString.copyFrom((byte[]) value));
                break;
            default:
                throw new SparkplugException("unsupported metric type " + metric.type());
        }
        return builder.build();
    }

    private static Metric decodeMetric(SparkplugBProto.Payload.Metric proto, long payloadTimestamp,
                                       LongFunction<Definition> aliases) {
        String name = proto.getName();
        MetricType type = proto.getDatatype() == 0 ? null : MetricType.ofCode(proto.getDatatype());
        if (name.isEmpty() || type == null) {
            if (!proto.hasAlias()) {
                throw new SparkplugException("Sparkplug metric '" + name + "' without "
                        + (name.isEmpty() ? "a name" : "a datatype") + " and without an alias");
            }
            Definition definition = aliases.apply(proto.getAlias());
            name = name.isEmpty() ? definition.name() : name;
            type = type == null ? definition.type() : type;
        }
        long timestamp = proto.hasTimestamp() ? proto.getTimestamp() : payloadTimestamp;
        Object value = null;
        if (!proto.getIsNull()) {
            value = valueOf(proto, name, type);
        }
        return new Metric(name, type, value, timestamp, proto.getIsHistorical());
    }

    private static Object valueOf(SparkplugBProto.Payload.Metric proto, String name, MetricType type) {
        switch (type) {
            case INT32:
                requireValue(proto, name, type, SparkplugBProto.Payload.Metric.ValueCase.INT_VALUE);
                return proto.getIntValue();
            case INT64:
            case UINT64:
                requireValue(proto, name, type, SparkplugBProto.Payload.Metric.ValueCase.LONG_VALUE);
                return proto.getLongValue();
            case DOUBLE:
                requireValue(proto, name, type, SparkplugBProto.Payload.Metric.ValueCase.DOUBLE_VALUE);
                return proto.getDoubleValue();
            case BOOLEAN:
                requireValue(proto, name, type, SparkplugBProto.Payload.Metric.ValueCase.BOOLEAN_VALUE);
                return proto.getBooleanValue();
            case STRING:
                requireValue(proto, name, type, SparkplugBProto.Payload.Metric.ValueCase.STRING_VALUE);
                return proto.getStringValue();
            case BYTES:
                requireValue(proto, name, type, SparkplugBProto.Payload.Metric.ValueCase.BYTES_VALUE);
                return proto.getBytesValue().toByteArray();
            default:
                throw new SparkplugException("unsupported metric type " + type);
        }
    }

    private static void requireValue(SparkplugBProto.Payload.Metric proto, String name, MetricType type,
                                     SparkplugBProto.Payload.Metric.ValueCase expected) {
        if (proto.getValueCase() != expected) {
            throw new SparkplugException("metric '" + name + "' declares datatype " + type.code()
                    + " but carries " + (proto.getValueCase() == NONE ? "no value" : proto.getValueCase()));
        }
    }
}
