package org.classbox.sim.fleet;

import java.util.List;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;

/** One journal record of a simulated box: its id, device (journal stream), class, when it was taken, its metrics. */
record SimRecord(long id, String device, RecordClass recordClass, long takenAt, List<Metric> metrics) {
    SimRecord {
        metrics = List.copyOf(metrics);
    }
}
