package org.classbox.agent.journal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugException;

/**
 * Chooses which health records of a window survive down-sampling: every Nth, plus for each numeric metric the
 * records holding its minimum and maximum, so a spike is never thinned away. Records whose body cannot be read are
 * kept: what is not understood is not thrown away. Pure.
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
        for (int i = 0; i < window.size(); i++) {
            JournalRecord record = window.get(i);
            if (i % keepEvery == 0) {
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
