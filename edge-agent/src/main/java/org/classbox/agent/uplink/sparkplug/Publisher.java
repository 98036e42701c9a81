package org.classbox.agent.uplink.sparkplug;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.classbox.agent.config.IdentityConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.RecordClass;
import org.classbox.agent.uplink.ByteMeter;
import org.classbox.agent.uplink.MqttUplink;
import org.classbox.sparkplug.Compression;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugTopic;

/**
 * Puts the edge node's Sparkplug messages on the wire within one session: births that declare every metric's alias,
 * DDATA and NDATA that carry aliases alone, historical batches compressed, the {@code seq} counter, and the bytes
 * each message costs. A batch whose device or metrics no birth of this session declared is preceded by a DBIRTH
 * that does. Runs on the agent's context.
 */
final class Publisher {
    private final IdentityConfig identity;
    private final MqttUplink uplink;
    private final Journal journal;
    private final DeviceBirths devices;
    private final ByteMeter bytes;
    private final LongSupplier clock;
    private final Compression compression;
    private final SequenceCounter seq = new SequenceCounter();
    private final Aliases aliases = new Aliases();
    /** Devices whose DBIRTH of this session declared every alias they have now. */
    private final Set<String> born = new HashSet<>();
    /** DBIRTHs of this session not yet acknowledged, by device. */
    private final Map<String, Future<Void>> birthsInFlight = new HashMap<>();

    /** {@code compression} for historical batches; null sends them uncompressed. */
    Publisher(IdentityConfig identity, MqttUplink uplink, Journal journal, DeviceBirths devices, ByteMeter bytes,
              LongSupplier clock, Compression compression) {
        this.identity = identity;
        this.uplink = uplink;
        this.journal = journal;
        this.devices = devices;
        this.bytes = bytes;
        this.clock = clock;
        this.compression = compression;
    }

    /** NBIRTH (seq 0) then a DBIRTH for every device known, each declaring its aliases. */
    Future<Void> births(long bdSeq) {
        long now = clock.getAsLong();
        seq.reset();
        born.clear();
        birthsInFlight.clear();
        Payload node = Births.nodeBirth(bdSeq, journal.epoch(), journal.size(),
                Births.usage(journal.counters(), bytes, now), now);
        aliases.declare(Aliases.NODE, node.metrics());
        Future<Void> births = publish(nodeTopic(MessageType.NBIRTH),
                PayloadCodec.encodeBirth(new Payload(now, seq.next(), node.metrics()), aliases.of(Aliases.NODE)),
                RecordClass.HEALTH);
        Map<String, List<Metric>> current = devices.currentMetrics(now);
        Set<String> all = new java.util.LinkedHashSet<>(current.keySet());
        all.addAll(aliases.devices());
        for (String device : all) {
            births = births.compose(v -> deviceBirth(device, current.getOrDefault(device, List.of())));
        }
        return births;
    }

    /** One usage report as NDATA. */
    Future<Void> nodeData(List<Metric> metrics) {
        long now = clock.getAsLong();
        aliases.declare(Aliases.NODE, metrics);
        Payload report = new Payload(now, seq.next(), metrics);
        return publish(nodeTopic(MessageType.NDATA),
                PayloadCodec.encodeData(report, aliases.forData(Aliases.NODE, metrics)), RecordClass.HEALTH);
    }

    /** One DDATA for {@code batch}; completes on PUBACK. */
    Future<Void> deviceData(Batch batch) {
        Payload data = batch.payload(clock.getAsLong());
        String device = batch.device();
        Future<Void> declared;
        if (aliases.declare(device, data.metrics()) || !born.contains(device) && !birthsInFlight.containsKey(device)) {
            declared = deviceBirth(device, devices.currentMetrics(clock.getAsLong()).getOrDefault(device, List.of()));
        } else {
            declared = birthsInFlight.getOrDefault(device, Future.succeededFuture());
        }
        return declared.compose(v -> {
            Payload numbered = new Payload(data.timestamp(), seq.next(), data.metrics());
            byte[] encoded = PayloadCodec.encodeData(numbered, aliases.forData(device, data.metrics()));
            if (batch.historical() && compression != null) {
                encoded = PayloadCodec.compress(encoded, compression, numbered.timestamp(), numbered.seq());
            }
            return publish(deviceTopic(MessageType.DDATA, device), encoded, batch.recordClass());
        });
    }

    /**
     * A DBIRTH declaring every alias {@code device} has: its current values, and a null for metrics declared earlier
     * whose current value is unknown. Its {@code Journal/RecordId} is the newest record the values reflect.
     */
    private Future<Void> deviceBirth(String device, List<Metric> current) {
        long now = clock.getAsLong();
        List<Metric> metrics = new ArrayList<>(current);
        aliases.declare(device, metrics);
        // The birth carries its own Journal/RecordId (below): a null one as well would make the birth malformed.
        aliases.unknownValues(device, metrics, now).stream().filter(m -> !m.name().equals(Metrics.RECORD_ID))
                .forEach(metrics::add);
        Payload birth = Births.deviceBirth(metrics, journal.lastIdNow(), seq.next(), now);
        aliases.declare(device, birth.metrics());
        Future<Void> sent = publish(deviceTopic(MessageType.DBIRTH, device),
                PayloadCodec.encodeBirth(birth, aliases.of(device)), RecordClass.HEALTH);
        born.remove(device);
        birthsInFlight.put(device, sent);
        return sent.onComplete(done -> {
            if (birthsInFlight.get(device) == sent) {
                birthsInFlight.remove(device);
                if (done.succeeded()) {
                    born.add(device);
                }
            }
        });
    }

    private Future<Void> publish(String topic, byte[] payload, RecordClass recordClass) {
        return uplink.publish(topic, payload, 1, false)
                .onSuccess(v -> bytes.count(recordClass, ByteMeter.wireBytes(topic, payload.length)));
    }

    private String nodeTopic(MessageType type) {
        return SparkplugTopic.node(identity.groupId(), type, identity.boxId()).toString();
    }

    private String deviceTopic(MessageType type, String device) {
        return SparkplugTopic.device(identity.groupId(), type, identity.boxId(), device).toString();
    }
}
