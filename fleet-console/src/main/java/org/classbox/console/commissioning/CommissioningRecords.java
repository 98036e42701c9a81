package org.classbox.console.commissioning;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.classbox.console.store.BoxKey;
import org.classbox.sparkplug.CommissioningMetrics;
import org.classbox.sparkplug.Metric;

/**
 * The records of a DDATA of device {@code commissioning}: each journal record carries one report's four metrics
 * ({@link CommissioningMetrics}); each complete record is kept as the box's latest report if it is newer. A record
 * missing a metric or with the wrong types is skipped: the rest of the message still counts.
 */
public final class CommissioningRecords {
    private CommissioningRecords() {
    }

    /** Whether {@code device} is the commissioning stream, whose records are kept here instead of as device metrics. */
    public static boolean owns(String device) {
        return CommissioningMetrics.DEVICE.equals(device);
    }

    /** One metric of one record, in the order the message carries them. */
    public record Value(long recordId, Metric metric) {
    }

    /** Stores each complete record; returns how many were kept. */
    public static int store(CommissioningRows rows, BoxKey box, long epoch, Iterable<Value> values, long now)
            throws SQLException {
        Map<Long, Map<String, Object>> records = new LinkedHashMap<>();
        for (Value v : values) {
            records.computeIfAbsent(v.recordId(), id -> new LinkedHashMap<>()).put(v.metric().name(),
                    v.metric().value());
        }
        int kept = 0;
        for (Map.Entry<Long, Map<String, Object>> record : records.entrySet()) {
            Map<String, Object> m = record.getValue();
            if (m.get(CommissioningMetrics.PASSED) instanceof Boolean passed
                    && m.get(CommissioningMetrics.REPORT) instanceof String report
                    && m.get(CommissioningMetrics.AT) instanceof Number at
                    && rows.save(box, epoch, record.getKey(), passed, m.get(CommissioningMetrics.FAILED) instanceof
                    String failed ? failed : "", at.longValue(), report, now)) {
                kept++;
            }
        }
        return kept;
    }
}
