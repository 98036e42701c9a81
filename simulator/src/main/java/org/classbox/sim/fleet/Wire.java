package org.classbox.sim.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classbox.sparkplug.StableAlias;
import org.classbox.sparkplug.Compression;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;

/**
 * The bytes a simulated box puts on the wire, built as the agent's uplink builds them (docs/protocol.md): births
 * with name, alias and datatype; DDATA with aliases alone, each record its {@code Journal/RecordId} and its metrics;
 * backlog marked {@code is_historical} and DEFLATE-compressed. Pure.
 */
final class Wire {
    private static final String[] CLASSES = {"alarm", "event", "health", "bulk"};

    private Wire() {
    }

    /** The agent's alias: the 32-bit FNV-1a hash of {@code <device> NUL <metric name>}, the same in every session. */
    static long alias(String device, String name) {
        return StableAlias.of(device, name);
    }

    static Map<String, Long> aliases(String device, List<Metric> metrics) {
        Map<String, Long> aliases = new HashMap<>(metrics.size() * 2);
        metrics.forEach(m -> aliases.computeIfAbsent(m.name(), n -> alias(device, n)));
        return aliases;
    }

    static byte[] nodeDeath(long bdSeq, long now) {
        return PayloadCodec.encode(new Payload(now, null, List.of(Metric.of(Metrics.BD_SEQ, MetricType.INT64, bdSeq,
                now))));
    }

    static byte[] nodeBirth(long bdSeq, long epoch, long backlog, Placement where, LinkBytes bytes,
                            long now) {
        List<Metric> metrics = new ArrayList<>(List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, bdSeq, now),
                Metric.of(Metrics.REBIRTH, MetricType.BOOLEAN, false, now),
                Metric.of(Metrics.REBOOT, MetricType.BOOLEAN, false, now),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, epoch, now),
                Metric.of(Metrics.JOURNAL_BACKLOG, MetricType.INT64, backlog, now),
                Metric.of(Metrics.BOX_REGION, MetricType.STRING, where.region(), now),
                Metric.of(Metrics.BOX_COUNTY, MetricType.STRING, where.county(), now),
                Metric.of(Metrics.BOX_SCHOOL, MetricType.STRING, where.school(), now),
                Metric.of(Metrics.BOX_CLASSROOM, MetricType.STRING, where.classroom(), now)));
        metrics.addAll(usage(bytes, now));
        return PayloadCodec.encodeBirth(new Payload(now, 0L, metrics), aliases("", metrics));
    }

    /** The agent's usage report as NDATA: what the journal dropped or refused (nothing here) and bytes today. */
    static byte[] nodeUsage(LinkBytes bytes, long seq, long now) {
        List<Metric> metrics = usage(bytes, now);
        return PayloadCodec.encodeData(new Payload(now, seq, metrics), aliases("", metrics));
    }

    private static List<Metric> usage(LinkBytes bytes, long now) {
        List<Metric> metrics = new ArrayList<>();
        for (org.classbox.agent.journal.RecordClass c : org.classbox.agent.journal.RecordClass.values()) {
            String name = CLASSES[c.ordinal()];
            metrics.add(Metric.of(Metrics.JOURNAL_DROPPED + name, MetricType.INT64, 0L, now));
            metrics.add(Metric.of(Metrics.JOURNAL_REFUSED + name, MetricType.INT64, 0L, now));
            metrics.add(Metric.of(Metrics.LINK_BYTES_TODAY + name, MetricType.INT64, bytes.today(c, now), now));
        }
        metrics.add(Metric.of(Metrics.JOURNAL_DISK_FULL, MetricType.INT64, 0L, now));
        return metrics;
    }

    /**
     * A DBIRTH: {@code Journal/RecordId} (the newest record the values reflect), then {@code metrics} (current values,
     * nulls for the rest of what the device's DDATA will use).
     */
    static byte[] deviceBirth(String device, List<Metric> metrics, long lastRecordId, long seq, long now) {
        List<Metric> all = new ArrayList<>(metrics.size() + 1);
        all.add(Metric.of(Metrics.RECORD_ID, MetricType.UINT64, lastRecordId, now));
        all.addAll(metrics);
        return PayloadCodec.encodeBirth(new Payload(now, seq, all), aliases(device, all));
    }

    /** The metrics of a DDATA carrying {@code records} (one device), each led by its record id. */
    static List<Metric> dataMetrics(List<SimRecord> records, boolean historical) {
        List<Metric> metrics = new ArrayList<>(records.size() * 4);
        for (SimRecord record : records) {
            metrics.add(new Metric(Metrics.RECORD_ID, MetricType.UINT64, record.id(), record.takenAt(), historical));
            for (Metric m : record.metrics()) {
                metrics.add(historical ? m.asHistorical() : m);
            }
        }
        return metrics;
    }

    /** A DDATA: aliases alone; historical ones compressed. {@code now} (the payload timestamp) is the publish time. */
    static byte[] deviceData(String device, List<Metric> metrics, boolean historical, long seq, long now) {
        byte[] encoded = PayloadCodec.encodeData(new Payload(now, seq, metrics), aliases(device, metrics));
        return historical ? PayloadCodec.compress(encoded, Compression.DEFLATE, now, seq) : encoded;
    }
}
