package org.classbox.sim.fleet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;

/**
 * Report by exception as the agent does it with its defaults ({@code devices.deadbandPercent} 5,
 * {@code devices.healthMinutes} 15): {@code Reachable}, {@code Error} and {@code Alarm/*} are alarm records, numbers
 * health records journaled again once they moved 5 % or 15 minutes passed, everything else events; an unchanged
 * value is never journaled again, and the first value of each metric always is.
 */
final class Deadband {
    static final double PERCENT = 5.0;
    static final long HEALTH_MILLIS = 15 * 60_000L;

    private final Map<String, Object> last = new HashMap<>();
    private final Map<String, Long> lastAt = new HashMap<>();

    static RecordClass classOf(Metric metric) {
        String name = metric.name();
        if (name.equals("Reachable") || name.equals("Error") || name.startsWith("Alarm/")) {
            return RecordClass.ALARM;
        }
        boolean number = metric.type() == MetricType.INT64 || metric.type() == MetricType.DOUBLE;
        return number ? RecordClass.HEALTH : RecordClass.EVENT;
    }

    /**
     * The metrics of one poll worth journaling, grouped by class in class order; {@code healthScale} shortens the
     * health interval as the fleet's time scale shortens every period.
     */
    Map<RecordClass, List<Metric>> changes(List<Metric> sample, double healthScale) {
        Map<RecordClass, List<Metric>> byClass = new EnumMap<>(RecordClass.class);
        for (Metric metric : sample) {
            RecordClass recordClass = classOf(metric);
            if (worth(metric, recordClass, healthScale)) {
                last.put(metric.name(), metric.value());
                lastAt.put(metric.name(), metric.timestamp());
                byClass.computeIfAbsent(recordClass, c -> new ArrayList<>()).add(metric);
            }
        }
        return byClass;
    }

    private boolean worth(Metric metric, RecordClass recordClass, double healthScale) {
        if (!last.containsKey(metric.name())) {
            return true;
        }
        Object before = last.get(metric.name());
        if (Objects.equals(before, metric.value())) {
            return false;
        }
        if (recordClass != RecordClass.HEALTH || before == null || metric.value() == null) {
            return true;
        }
        double was = ((Number) before).doubleValue();
        double now = ((Number) metric.value()).doubleValue();
        return Math.abs(now - was) >= Math.abs(was) * PERCENT / 100.0
                || metric.timestamp() - lastAt.get(metric.name()) >= HEALTH_MILLIS / healthScale;
    }
}
