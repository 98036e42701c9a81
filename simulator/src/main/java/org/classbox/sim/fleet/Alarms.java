package org.classbox.sim.fleet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;

/**
 * One device's {@code Alarm/<Name>} metrics as the agent states them: every alarm the device can raise, empty when
 * clear, else why (the first reason kept while raised). Alarms raised by hand ({@link SimBox#raiseAlarm}) stay until
 * cleared by hand.
 */
final class Alarms {
    private final Map<String, String> reasons = new LinkedHashMap<>();
    private final Map<String, String> manual = new LinkedHashMap<>();

    Alarms(List<String> names) {
        names.forEach(n -> reasons.put(n, ""));
    }

    /** Raises {@code name} when {@code raised} with {@code reason} (keeping a reason already given), else clears it. */
    void set(String name, boolean raised, String reason) {
        String was = reasons.getOrDefault(name, "");
        reasons.put(name, raised ? (was.isEmpty() ? reason : was) : "");
    }

    void raiseByHand(String name, String reason) {
        manual.put(name, reason);
    }

    void clearByHand(String name) {
        manual.put(name, "");
    }

    void addTo(List<Metric> sample, long now) {
        Map<String, String> all = new LinkedHashMap<>(reasons);
        manual.forEach((name, reason) -> {
            if (!reason.isEmpty() || !all.containsKey(name) || all.get(name).isEmpty()) {
                all.put(name, reason);
            }
        });
        all.forEach((name, reason) -> sample.add(Metric.of("Alarm/" + name, MetricType.STRING, reason, now)));
    }
}
