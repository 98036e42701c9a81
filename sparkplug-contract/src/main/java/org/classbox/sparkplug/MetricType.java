package org.classbox.sparkplug;

/** The Sparkplug B data types classbox uses, with their numeric codes from the specification. */
public enum MetricType {
    INT32(3), INT64(4), UINT64(8), DOUBLE(10), BOOLEAN(11), STRING(12), BYTES(17);

    private final int code;

    MetricType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MetricType ofCode(int code) {
        for (MetricType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new SparkplugException("unsupported Sparkplug datatype " + code);
    }
}
