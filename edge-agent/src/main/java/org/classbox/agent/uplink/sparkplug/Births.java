package org.classbox.agent.uplink.sparkplug;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.classbox.agent.config.IdentityConfig;
import org.classbox.agent.journal.JournalCounters;
import org.classbox.agent.journal.RecordClass;
import org.classbox.agent.uplink.ByteMeter;
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

    /** The NBIRTH: session, journal, where the box stands ({@code identity}'s metadata) and today's usage. */
    static Payload nodeBirth(long bdSeq, long epoch, long backlog, IdentityConfig identity, List<Metric> usage,
                             long now) {
        List<Metric> metrics = new ArrayList<>(List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, bdSeq, now),
                Metric.of(Metrics.REBIRTH, MetricType.BOOLEAN, false, now),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, epoch, now),
                Metric.of(Metrics.JOURNAL_BACKLOG, MetricType.INT64, backlog, now),
                Metric.of(Metrics.BOX_REGION, MetricType.STRING, identity.region(), now),
                Metric.of(Metrics.BOX_COUNTY, MetricType.STRING, identity.county(), now),
                Metric.of(Metrics.BOX_SCHOOL, MetricType.STRING, identity.school(), now),
                Metric.of(Metrics.BOX_CLASSROOM, MetricType.STRING, identity.classroom(), now)));
        metrics.addAll(usage);
        return new Payload(now, 0L, metrics);
    }

    /** What the journal dropped or refused and what the link carried today, per record class. */
    static List<Metric> usage(JournalCounters counters, ByteMeter bytes, long now) {
        List<Metric> metrics = new ArrayList<>();
        for (RecordClass c : RecordClass.values()) {
            String name = c.name().toLowerCase(Locale.ROOT);
            metrics.add(Metric.of(Metrics.JOURNAL_DROPPED + name, MetricType.INT64, counters.dropped().get(c), now));
            metrics.add(Metric.of(Metrics.JOURNAL_REFUSED + name, MetricType.INT64, counters.refused().get(c), now));
            metrics.add(Metric.of(Metrics.LINK_BYTES_TODAY + name, MetricType.INT64, bytes.today(c), now));
        }
        metrics.add(Metric.of(Metrics.JOURNAL_DISK_FULL, MetricType.INT64, counters.storageFull(), now));
        return metrics;
    }

    /**
     * A device birth. Its {@code Journal/RecordId} is the newest record the births' values already reflect, so the
     * console can tell them from older records still draining behind them.
     */
    static Payload deviceBirth(List<Metric> current, long lastRecordId, long seq, long now) {
        List<Metric> metrics = new ArrayList<>(current.size() + 1);
        metrics.add(Metric.of(Metrics.RECORD_ID, MetricType.UINT64, lastRecordId, now));
        metrics.addAll(current);
        return new Payload(now, seq, metrics);
    }
}
