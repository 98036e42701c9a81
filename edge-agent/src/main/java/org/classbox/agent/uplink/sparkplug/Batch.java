package org.classbox.agent.uplink.sparkplug;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journal records of one stream (device) and one class that travel in one DDATA, oldest first. Pure.
 *
 * @param historical true for backlog records (taken before the session started): marked {@code is_historical}
 *                   and compressed on the wire
 */
record Batch(String device, RecordClass recordClass, boolean historical, List<JournalRecord> records) {
    private static final Logger log = LoggerFactory.getLogger(Batch.class);

    Batch {
        records = List.copyOf(records);
    }

    /**
     * Packs records read from the journal (oldest first, streams interleaved) into batches: one per stream and
     * class, in the order each stream first appears, each at most {@code batchSize} records. Each stream's records
     * keep their order, so a host sees every device's records oldest first.
     */
    static List<Batch> pack(List<JournalRecord> records, int batchSize, boolean historical) {
        record Key(String stream, RecordClass recordClass) {
        }
        Map<Key, List<JournalRecord>> streams = new LinkedHashMap<>();
        for (JournalRecord record : records) {
            streams.computeIfAbsent(new Key(record.entry().stream(), record.entry().recordClass()),
                    k -> new ArrayList<>()).add(record);
        }
        List<Batch> batches = new ArrayList<>();
        streams.forEach((key, list) -> {
            for (int from = 0; from < list.size(); from += batchSize) {
                batches.add(new Batch(key.stream(), key.recordClass(), historical,
                        list.subList(from, Math.min(list.size(), from + batchSize))));
            }
        });
        return batches;
    }

    List<Long> ids() {
        return records.stream().map(JournalRecord::id).toList();
    }

    /** The DDATA metrics: each record's {@code Journal/RecordId}, then the record's own metrics. */
    Payload payload(long now) {
        List<Metric> metrics = new ArrayList<>(records.size() * 8);
        for (JournalRecord record : records) {
            metrics.add(new Metric(Metrics.RECORD_ID, MetricType.UINT64, record.id(), record.entry().takenAt(),
                    historical));
            try {
                for (Metric metric : PayloadCodec.decode(record.entry().body()).metrics()) {
                    metrics.add(historical ? metric.asHistorical() : metric);
                }
            } catch (SparkplugException e) {
                // Cannot happen for records this agent wrote; sending the id alone still accounts for the record.
                log.error("journal record {} has an unreadable body: {}", record.id(), e.getMessage());
            }
        }
        return new Payload(now, null, metrics);
    }
}
