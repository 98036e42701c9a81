package org.classbox.console.store;

import java.util.List;

/** One device of a box as the console last heard of it: its latest metrics, by name. */
public record DeviceView(String device, List<Value> values) {
    public DeviceView {
        values = List.copyOf(values);
    }

    /**
     * One metric's latest value. {@code text} is the value as text (null: no value), {@code type} its Sparkplug
     * type name; {@code takenAt} is when the box sampled it and {@code nonEmptySince} when it last became non-empty
     * (null while empty), both epoch milliseconds.
     */
    public record Value(String metric, String type, String text, long takenAt, Long nonEmptySince) {
        /** The value as JSON wants it: a number, a boolean or a string, by its type; null when there is none. */
        public Object typed() {
            if (text == null) {
                return null;
            }
            switch (type) {
                case "INT32":
                case "INT64":
                case "UINT64":
                    return Long.valueOf(text);
                case "DOUBLE":
                    double number = Double.parseDouble(text);
                    // JSON has no NaN or infinity: those stay text.
                    return Double.isFinite(number) ? (Object) number : text;
                case "BOOLEAN":
                    return Boolean.valueOf(text);
                default:
                    return text;
            }
        }

        /** An {@code Alarm/*} metric with a non-empty reason: an active alarm. */
        public boolean isActiveAlarm() {
            return metric.startsWith(DeviceMetrics.ALARM_PREFIX) && text != null && !text.isEmpty();
        }
    }
}
