package org.classbox.agent.uplink.sparkplug;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 * that does. A DDATA sent again after a refused publish keeps its {@code seq} (until the next births), so the
 * host sees the hole it left filled late rather than a lost message. Runs on the agent's context.
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
    /**
     * The {@code seq} of each DDATA the broker refused (or Paho could not take) since the last births, kept for its
     * resend: the host saw a hole at that number and the resend fills it, instead of looking like a lost message.
     */
    private final Map<Batch, Long> resent = new IdentityHashMap<>();
    /** Counts births: a refusal of a message numbered before the latest births keeps no number. */
    private long numbering;
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
        resent.clear();
        numbering++;
        Payload node = Births.nodeBirth(bdSeq, journal.epoch(), journal.size(), identity,
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
            Long kept = resent.remove(batch);
            long numberedIn = numbering;
            long number = kept != null ? kept : seq.next();
            Payload numbered = new Payload(data.timestamp(), number, data.metrics());
            byte[] encoded = PayloadCodec.encodeData(numbered, aliases.forData(device, data.metrics()));
            if (batch.historical() && compression != null) {
                encoded = PayloadCodec.compress(encoded, compression, numbered.timestamp(), numbered.seq());
            }
            return publish(deviceTopic(MessageType.DDATA, device), encoded, batch.recordClass())
                    .onFailure(e -> {
                        if (numberedIn == numbering) {
                            resent.put(batch, number);
                        }
                    });
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
        // Births.deviceBirth puts the record id in with its value: a second, null one would make the birth say two
        // things of one metric (a host may reject it whole).
        aliases.unknownValues(device, metrics, now).stream()
                .filter(m -> !m.name().equals(Metrics.RECORD_ID))
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
