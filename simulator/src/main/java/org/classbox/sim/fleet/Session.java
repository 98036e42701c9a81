package org.classbox.sim.fleet;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
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
    private final String group;
    private final String box;
    private final Map<String, Set<String>> declared = new HashMap<>();
    private final Map<String, org.classbox.sparkplug.MetricType> types = new HashMap<>();
    private long seq;

    Session(Connection connection, String group, String box) {
        this.connection = connection;
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
        Future<Void> born = connection.publish(topic(MessageType.NBIRTH, null), nodeBirth);
        current.forEach((device, sample) -> deviceBirth(device, sample, List.of(), lastRecordId, now));
        return born;
    }

    /** One DDATA of {@code records} of one device, preceded by its DBIRTH when needed; completes on PUBACK. */
    Future<Void> data(String device, List<SimRecord> records, boolean historical, Map<String, List<Metric>> current,
                      long lastRecordId, long now) {
        List<Metric> metrics = Wire.dataMetrics(records, historical);
        Set<String> known = declared.get(device);
        boolean undeclared = known == null || metrics.stream().anyMatch(m -> !known.contains(m.name()));
        if (undeclared) {
            deviceBirth(device, current.getOrDefault(device, List.of()), metrics, lastRecordId, now);
        }
        return connection.publish(topic(MessageType.DDATA, device),
                Wire.deviceData(device, metrics, historical, nextSeq(), now));
    }

    /** Current values, then a null for every other metric the device's DDATA used or will use. */
    private void deviceBirth(String device, List<Metric> sample, List<Metric> coming, long lastRecordId, long now) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        sample.forEach(m -> metrics.put(m.name(), m));
        List<Metric> nulls = new ArrayList<>(coming);
        for (String name : declared.getOrDefault(device, Set.of())) {
            nulls.add(Metric.of(name, types.get(device + '\0' + name), null, now));
        }
        for (String name : COMMANDS.getOrDefault(device, List.of())) {
            nulls.add(Metric.of(name, org.classbox.sparkplug.MetricType.STRING, null, now));
        }
        for (Metric m : nulls) {
            if (!m.name().equals(Metrics.RECORD_ID)) {
                metrics.putIfAbsent(m.name(), Metric.of(m.name(), m.type(), null, now));
            }
        }
        Set<String> names = new HashSet<>(metrics.keySet());
        names.add(Metrics.RECORD_ID);
        metrics.values().forEach(m -> types.put(device + '\0' + m.name(), m.type()));
        declared.put(device, names);
        connection.publish(topic(MessageType.DBIRTH, device),
                Wire.deviceBirth(device, List.copyOf(metrics.values()), lastRecordId, nextSeq(), now));
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
