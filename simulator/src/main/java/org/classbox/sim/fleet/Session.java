package org.classbox.sim.fleet;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.SparkplugTopic;

/**
 * One Sparkplug session of a simulated box on one {@link Connection}: the {@code seq} counter, which metrics this
 * session's births declared, and the births, DBIRTHs before DDATA that would use an undeclared metric, and DDATA.
 * The broker keeps one client's QoS 1 messages in order, so a DDATA need not wait for the DBIRTH before it.
 */
final class Session {
    /** Commands a device answers, declared (null) in its DBIRTH so their answers need no new birth. */
    private static final Map<String, List<String>> COMMANDS = Map.of(
            SimProjector.DEVICE, List.of("Command/Power", "Command/Input"),
            SimBox.NODE_ANSWERS, List.of("Command/Reboot"));

    private final Connection connection;
    private final FleetCounters counters;
    private final LinkBytes bytes;
    private final String group;
    private final String box;
    /** Per device, the metrics this session's DBIRTH declared and their types (names shared, not copied). */
    private final Map<String, Map<String, MetricType>> declared = new HashMap<>();
    private long seq;

    Session(Connection connection, String group, String box, FleetCounters counters, LinkBytes bytes) {
        this.connection = connection;
        this.bytes = bytes;
        this.counters = counters;
        this.group = group;
        this.box = box;
    }

    Connection connection() {
        return connection;
    }

    /** NBIRTH (seq 0) and a DBIRTH for every device with a sample; completes when the NBIRTH is acknowledged. */
    Future<Void> births(byte[] nodeBirth, Map<String, List<Metric>> current, long lastRecordId, long now) {
        seq = 0;
        declared.clear();
        Future<Void> born = publish(topic(MessageType.NBIRTH, null), nodeBirth);
        current.forEach((device, sample) -> deviceBirth(device, sample, List.of(), lastRecordId, now));
        return born;
    }

    /** One DDATA of {@code records} of one device, preceded by its DBIRTH when needed; completes on PUBACK. */
    Future<Void> data(String device, List<SimRecord> records, boolean historical, Map<String, List<Metric>> current,
                      long lastRecordId, long now) {
        List<Metric> metrics = Wire.dataMetrics(records, historical);
        Map<String, MetricType> known = declared.get(device);
        boolean undeclared = known == null || metrics.stream().anyMatch(m -> !known.containsKey(m.name()));
        if (undeclared) {
            deviceBirth(device, current.getOrDefault(device, List.of()), metrics, lastRecordId, now);
        }
        String topic = topic(MessageType.DDATA, device);
        byte[] payload = Wire.deviceData(device, metrics, historical, nextSeq(), now);
        bytes.count(records.get(0).recordClass(), topic, payload.length, now);
        return publish(topic, payload);
    }

    /** The usage report (NDATA with this session's next seq). */
    Future<Void> usage(long now) {
        return publish(topic(MessageType.NDATA, null), Wire.nodeUsage(bytes, nextSeq(), now));
    }

    /** Current values, then a null for every other metric the device's DDATA used or will use. */
    private void deviceBirth(String device, List<Metric> sample, List<Metric> coming, long lastRecordId, long now) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        sample.forEach(m -> metrics.put(m.name(), m));
        Map<String, MetricType> types = new HashMap<>(declared.getOrDefault(device, Map.of()));
        coming.forEach(m -> types.putIfAbsent(m.name(), m.type()));
        COMMANDS.getOrDefault(device, List.of()).forEach(name -> types.putIfAbsent(name, MetricType.STRING));
        types.forEach((name, type) -> {
            if (!name.equals(Metrics.RECORD_ID)) {
                metrics.putIfAbsent(name, Metric.of(name, type, null, now));
            }
        });
        metrics.values().forEach(m -> types.put(m.name(), m.type()));
        types.put(Metrics.RECORD_ID, MetricType.UINT64);
        declared.put(device, types);
        publish(topic(MessageType.DBIRTH, device),
                Wire.deviceBirth(device, List.copyOf(metrics.values()), lastRecordId, nextSeq(), now));
    }

    private Future<Void> publish(String topic, byte[] payload) {
        counters.messages.increment();
        return connection.publish(topic, payload);
    }

    private long nextSeq() {
        seq = (seq + 1) % 256;
        return seq;
    }

    private String topic(MessageType type, String device) {
        return device == null ? SparkplugTopic.node(group, type, box).toString()
                : SparkplugTopic.device(group, type, box, device).toString();
    }
}
