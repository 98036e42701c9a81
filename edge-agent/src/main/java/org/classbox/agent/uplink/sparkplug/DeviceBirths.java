package org.classbox.agent.uplink.sparkplug;

import java.util.List;
import java.util.Map;
import org.classbox.sparkplug.Metric;

/** Supplies each device's current metrics for its DBIRTH, keyed by device id. */
@FunctionalInterface
public interface DeviceBirths {
    Map<String, List<Metric>> currentMetrics(long now);
}
