package org.classbox.sparkplug;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.tahu.protobuf.SparkplugBProto;

/** Encodes and decodes Sparkplug B payloads with the official protobuf schema. Pure: bytes in, records out. */
public final class PayloadCodec {
    /** Sparkplug B payloads are small; anything larger is garbage or an attack. */
    public static final int MAX_PAYLOAD_BYTES = 1024 * 1024;

    private PayloadCodec() {
    }

    public static byte[] encode(Payload payload) {
        SparkplugBProto.Payload.Builder builder = SparkplugBProto.Payload.newBuilder()
                .setTimestamp(payload.timestamp());
        if (payload.seq() != null) {
            builder.setSeq(payload.seq());
        }
        for (Metric metric : payload.metrics()) {
            builder.addMetrics(encodeMetric(metric));
        }
        return builder.build().toByteArray();
    }

    public static Payload decode(byte[] bytes) {
        if (bytes.length > MAX_PAYLOAD_BYTES) {
            throw new SparkplugException("Sparkplug payload of " + bytes.length + " bytes exceeds the limit of "
                    + MAX_PAYLOAD_BYTES);
        }
        SparkplugBProto.Payload proto;
        try {
            proto = SparkplugBProto.Payload.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new SparkplugException("not a Sparkplug B payload (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
        List<Metric> metrics = new ArrayList<>(proto.getMetricsCount());
        for (SparkplugBProto.Payload.Metric metric : proto.getMetricsList()) {
            metrics.add(decodeMetric(metric, proto.getTimestamp()));
        }
        return new Payload(proto.getTimestamp(), proto.hasSeq() ? proto.getSeq() : null, metrics);
    }

    private static SparkplugBProto.Payload.Metric encodeMetric(Metric metric) {
        SparkplugBProto.Payload.Metric.Builder builder = SparkplugBProto.Payload.Metric.newBuilder()
                .setName(metric.name())
                .setTimestamp(metric.timestamp())
                .setDatatype(metric.type().code());
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
            default:
                throw new SparkplugException("unsupported metric type " + metric.type());
        }
        return builder.build();
    }

    private static Metric decodeMetric(SparkplugBProto.Payload.Metric proto, long payloadTimestamp) {
        if (!proto.hasName() || proto.getName().isEmpty()) {
            throw new SparkplugException("Sparkplug metric without a name (aliases are not used by classbox)");
        }
        MetricType type = MetricType.ofCode(proto.getDatatype());
        long timestamp = proto.hasTimestamp() ? proto.getTimestamp() : payloadTimestamp;
        Object value = null;
        if (!proto.getIsNull()) {
            value = valueOf(proto, type);
        }
        return new Metric(proto.getName(), type, value, timestamp, proto.getIsHistorical());
    }

    private static Object valueOf(SparkplugBProto.Payload.Metric proto, MetricType type) {
        switch (type) {
            case INT32:
                requireValue(proto, SparkplugBProto.Payload.Metric.ValueCase.INT_VALUE);
                return proto.getIntValue();
            case INT64:
            case UINT64:
                requireValue(proto, SparkplugBProto.Payload.Metric.ValueCase.LONG_VALUE);
                return proto.getLongValue();
            case DOUBLE:
                requireValue(proto, SparkplugBProto.Payload.Metric.ValueCase.DOUBLE_VALUE);
                return proto.getDoubleValue();
            case BOOLEAN:
                requireValue(proto, SparkplugBProto.Payload.Metric.ValueCase.BOOLEAN_VALUE);
                return proto.getBooleanValue();
            case STRING:
                requireValue(proto, SparkplugBProto.Payload.Metric.ValueCase.STRING_VALUE);
                return proto.getStringValue();
            default:
                throw new SparkplugException("unsupported metric type " + type);
        }
    }

    private static void requireValue(SparkplugBProto.Payload.Metric proto,
                                     SparkplugBProto.Payload.Metric.ValueCase expected) {
        if (proto.getValueCase() != expected) {
            throw new SparkplugException("metric '" + proto.getName() + "' declares datatype " + proto.getDatatype()
                    + " but carries " + proto.getValueCase());
        }
    }
}
