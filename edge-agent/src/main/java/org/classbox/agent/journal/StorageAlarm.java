package org.classbox.agent.journal;

import java.util.List;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;

/**
 * The journal's own alarm: an {@code alarm} record in stream {@value #STREAM} whose body is a Sparkplug payload with
 * the boolean metric {@value #METRIC}, true when the disk filled (raised) and false when space came back (cleared).
 * Pure.
 */
final class StorageAlarm {
    static final String STREAM = "journal";
    static final String METRIC = Metrics.JOURNAL_STORAGE_FULL;

    private StorageAlarm() {
    }

    static JournalEntry entry(boolean raised, long at) {
        Payload payload = new Payload(at, null, List.of(Metric.of(METRIC, MetricType.BOOLEAN, raised, at)));
        return new JournalEntry(RecordClass.ALARM, STREAM, at, PayloadCodec.encode(payload));
    }
}
