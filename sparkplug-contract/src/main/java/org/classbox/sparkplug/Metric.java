package org.classbox.sparkplug;

import java.util.Objects;

/**
 * One Sparkplug metric value. {@code value} is a {@link Long} for INT64/UINT64, an {@link Integer} for INT32, a
 * {@link Double}, a {@link Boolean}, a {@link String} or a {@code byte[]} (BYTES: a classroom snapshot); null
 * means the Sparkplug {@code is_null} flag (a {@code byte[]} compares by reference, as in any record).
 * {@code timestamp} is milliseconds since the epoch of when the value was sampled; {@code historical} marks values
 * delivered late from the box's journal.
 */
public record Metric(String name, MetricType type, Object value, long timestamp, boolean historical) {
    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (value != null && !accepts(type, value)) {
            throw new SparkplugException("metric '" + name + "' of type " + type + " cannot hold a "
                    + value.getClass().getSimpleName() + " (" + value + ")");
        }
    }

    public static Metric of(String name, MetricType type, Object value, long timestamp) {
        return new Metric(name, type, value, timestamp, false);
    }

    public Metric asHistorical() {
        return new Metric(name, type, value, timestamp, true);
    }

    public long longValue() {
        return ((Number) value).longValue();
    }

    private static boolean accepts(MetricType type, Object value) {
        switch (type) {
            case INT32:
                return value instanceof Integer;
            case INT64:
            case UINT64:
                return value instanceof Long;
            case DOUBLE:
                return value instanceof Double;
            case BOOLEAN:
                return value instanceof Boolean;
            case STRING:
                return value instanceof String;
            case BYTES:
                return value instanceof byte[];
            default:
                return false;
        }
    }
}
