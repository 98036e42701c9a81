package org.classbox.sparkplug;

import java.util.List;
import java.util.Optional;

/**
 * A Sparkplug B payload: when it was sent, its sequence number (0-255; absent on NDEATH) and its metrics in order.
 */
public record Payload(long timestamp, Long seq, List<Metric> metrics) {
    public Payload {
        if (seq != null && (seq < 0 || seq > 255)) {
            throw new SparkplugException("Sparkplug seq must be in [0, 255], but was " + seq);
        }
        metrics = List.copyOf(metrics);
    }

    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
