package org.classbox.agent.journal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugException;

/**
 * Chooses which health records of a window survive down-sampling: every Nth, plus for each numeric metric the
 * records holding its minimum and maximum, so a spike is never thinned away, plus every state transition: a record in
 * which a non-numeric metric (power, input, error text, reachable) differs from the same stream's record before it,
 * so the kept history shows every change of state. Records whose body cannot be read are kept: what is not
 * understood is not thrown away. Pure.
 */
final class Thinning {
    private Thinning() {
    }

    static Set<Long> keep(List<JournalRecord> window, int keepEvery) {
        Set<Long> keep = new HashSet<>();
        Map<String, JournalRecord> min = new HashMap<>();
        Map<String, JournalRecord> max = new HashMap<>();
        Map<String, Double> minValue = new HashMap<>();
        Map<String, Double> maxValue = new HashMap<>();
        Map<String, Object> lastState = new HashMap<>();
        Set<String> streams = new HashSet<>();
        for (int i = 0; i < window.size(); i++) {
            JournalRecord record = window.get(i);
            // The first of each stream too: whether it changed a state is known only from the window before.
            if (streams.add(record.entry().stream()) | i % keepEvery == 0) {
                keep.add(record.id());
            }
            List<Metric> metrics;
            try {
                metrics = PayloadCodec.decode(record.entry().body()).metrics();
            } catch (SparkplugException e) {
                keep.add(record.id());
                continue;
            }
            for (Metric metric : metrics) {
                if (!(metric.value() instanceof Number)) {
                    String key = record.entry().stream() + '\u0000' + metric.name();
                    if (lastState.containsKey(key) && !Objects.equals(lastState.get(key), metric.value())) {
                        keep.add(record.id());
                    }
                    lastState.put(key, metric.value());
                    continue;
                }
                double value = ((Number) metric.value()).doubleValue();
                if (!minValue.containsKey(metric.name()) || value < minValue.get(metric.name())) {
                    minValue.put(metric.name(), value);
                    min.put(metric.name(), record);
                }
                if (!maxValue.containsKey(metric.name()) || value > maxValue.get(metric.name())) {
                    maxValue.put(metric.name(), value);
                    max.put(metric.name(), record);
                }
            }
        }
        min.values().forEach(r -> keep.add(r.id()));
        max.values().forEach(r -> keep.add(r.id()));
        return keep;
    }
}
