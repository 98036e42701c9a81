package org.classbox.drivers.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Named, typed values read from one device at one time, in the order the driver gives them. Names are short and
 * stable ({@code Power}, {@code LampHours}, {@code Temperature/Cpu}); the supervisor prefixes nothing, so a name is
 * the Sparkplug metric name. A value may be null: known to exist, not known now.
 */
public record Reading(long takenAt, List<Value> values) {
    public Reading {
        values = List.copyOf(values);
    }

    public Optional<Value> value(String name) {
        return values.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The value of {@code name}, or null when absent or unknown. */
    public Object get(String name) {
        return value(name).map(Value::value).orElse(null);
    }

    public static Builder at(long takenAt) {
        return new Builder(takenAt);
    }

    /** One reading. {@code value} is a Boolean, Long, Double or String as {@code type} says, or null. */
    public record Value(String name, ValueType type, Object value) {
        public Value {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (value != null && !type.accepts(value)) {
                throw new IllegalArgumentException(name + ": " + value.getClass().getSimpleName()
                        + " is not a " + type);
            }
        }
    }

    /** Collects values in order. */
    public static final class Builder {
        private final long takenAt;
        private final List<Value> values = new ArrayList<>();

        private Builder(long takenAt) {
            this.takenAt = takenAt;
        }

        public Builder bool(String name, Boolean value) {
            values.add(new Value(name, ValueType.BOOLEAN, value));
            return this;
        }

        public Builder integer(String name, Long value) {
            values.add(new Value(name, ValueType.INT64, value));
            return this;
        }

        public Builder decimal(String name, Double value) {
            values.add(new Value(name, ValueType.DOUBLE, value));
            return this;
        }

        public Builder text(String name, String value) {
            values.add(new Value(name, ValueType.STRING, value));
            return this;
        }

        public Builder all(List<Value> more) {
            values.addAll(more);
            return this;
        }

        public Reading build() {
            return new Reading(takenAt, Collections.unmodifiableList(values));
        }
    }
}
