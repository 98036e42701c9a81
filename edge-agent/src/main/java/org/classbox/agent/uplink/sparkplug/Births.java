package org.classbox.agent.uplink.sparkplug;

import java.util.ArrayList;
import java.util.List;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;

/** Builds the edge node's NBIRTH, NDEATH and DBIRTH payloads. Pure. */
final class Births {
    private Births() {
    }

    static Payload nodeDeath(long bdSeq, long now) {
        return new Payload(now, null, List.of(Metric.of(Metrics.BD_SEQ, MetricType.INT64, bdSeq, now)));
    }

    static Payload nodeBirth(long bdSeq, long epoch, long backlog, long now) {
        return new Payload(now, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, bdSeq, now),
                Metric.of(Metrics.REBIRTH, MetricType.BOOLEAN, false, now),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, epoch, now),
                Metric.of(Metrics.JOURNAL_BACKLOG, MetricType.INT64, backlog, now)));
    }

    static Payload deviceBirth(List<Metric> current, long seq, long now) {
        List<Metric> metrics = new ArrayList<>(current.size() + 1);
        // Declared in the birth because every DDATA metric must be; its value here means nothing.
        metrics.add(Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 0L, now));
        metrics.addAll(current);
        return new Payload(now, seq, metrics);
    }
}
