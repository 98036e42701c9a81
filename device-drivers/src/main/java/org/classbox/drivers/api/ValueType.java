package org.classbox.drivers.api;

/** The types a device value can have; they map one to one onto Sparkplug's Boolean, Int64, Double and String. */
public enum ValueType {
    BOOLEAN(Boolean.class), INT64(Long.class), DOUBLE(Double.class), STRING(String.class);

    private final Class<?> javaType;

    ValueType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public boolean accepts(Object value) {
        return javaType.isInstance(value);
    }
}
