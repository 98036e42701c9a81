package org.classbox.console.sparkplug;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.classbox.console.store.BoxStore;
import org.classbox.console.store.FieldValue;
import org.classbox.console.store.ProjectorField;
import org.classbox.console.store.Sample;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugException;
import org.classbox.sparkplug.SparkplugTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Sparkplug messages to the store. Births mark a box online with its bdSeq and journal epoch; an NDEATH
 * marks it offline only when its bdSeq matches; DBIRTH and DDATA update the projector's latest state, and every DDATA
 * record is stored once as samples keyed by (box, epoch, record id, metric). Data from a box the console has no
 * birth for triggers a rebirth request. Bad topics and payloads are logged and change nothing.
 */
public final class SparkplugIngest {
    private static final Logger log = LoggerFactory.getLogger(SparkplugIngest.class);
    /** Epoch used for data that arrives before any birth of its box; replaced once the box is born. */
    static final long UNKNOWN_EPOCH = 0;

    private final BoxStore store;
    private final BiConsumer<String, String> rebirthRequests;
    private final LongSupplier clock;
    private final Map<String, Long> epochs = new HashMap<>();

    /** {@code rebirthRequests} receives (group id, box id) of boxes that must publish their births again. */
    public SparkplugIngest(BoxStore store, BiConsumer<String, String> rebirthRequests, LongSupplier clock) {
        this.store = store;
        this.rebirthRequests = rebirthRequests;
        this.clock = clock;
    }

    /** Remembers the epochs of boxes born before this console started. */
    public void knownEpochs(Map<String, Long> known) {
        known.forEach(epochs::putIfAbsent);
    }

    /** Applies one message; the future fails only when the store does, never for bad input. */
    public Future<Void> accept(String topicName, byte[] bytes) {
        SparkplugTopic topic;
        Payload payload;
        try {
            topic = SparkplugTopic.parse(topicName);
            if (topic.type() == MessageType.STATE) {
                return Future.succeededFuture();
            }
            payload = PayloadCodec.decode(bytes);
        } catch (SparkplugException e) {
            log.warn("ignoring message on {}: {}", topicName, e.getMessage());
            return Future.succeededFuture();
        }
        long now = clock.getAsLong();
        switch (topic.type()) {
            case NBIRTH:
                return nodeBirth(topic, payload, now);
            case NDEATH:
                return nodeDeath(topic, payload, now);
            case DBIRTH:
            case DDATA:
                return deviceData(topic, payload, now);
            case NDATA:
            case DDEATH:
                return store.touch(topic.edgeNodeId(), now);
            default:
                return Future.succeededFuture();
        }
    }

    private Future<Void> nodeBirth(SparkplugTopic topic, Payload payload, long now) {
        Long bdSeq = longMetric(payload, Metrics.BD_SEQ);
        if (bdSeq == null) {
            log.warn("ignoring NBIRTH of {} without a {} metric", topic.edgeNodeId(), Metrics.BD_SEQ);
            return Future.succeededFuture();
        }
        Long epoch = longMetric(payload, Metrics.JOURNAL_EPOCH);
        epochs.put(topic.edgeNodeId(), epoch == null ? UNKNOWN_EPOCH : epoch);
        log.info("box {}/{} is online (bdSeq {}, {} records in its journal)", topic.groupId(), topic.edgeNodeId(),
                bdSeq, longMetric(payload, Metrics.JOURNAL_BACKLOG));
        return store.boxBorn(topic.groupId(), topic.edgeNodeId(), bdSeq, epoch, now);
    }

    private Future<Void> nodeDeath(SparkplugTopic topic, Payload payload, long now) {
        Long bdSeq = longMetric(payload, Metrics.BD_SEQ);
        if (bdSeq == null) {
            log.warn("ignoring NDEATH of {} without a {} metric", topic.edgeNodeId(), Metrics.BD_SEQ);
            return Future.succeededFuture();
        }
        return store.boxDied(topic.edgeNodeId(), bdSeq, now).map(applied -> {
            if (applied) {
                log.info("box {}/{} is offline (NDEATH bdSeq {})", topic.groupId(), topic.edgeNodeId(), bdSeq);
            } else {
                log.debug("stale NDEATH of {} with bdSeq {} ignored", topic.edgeNodeId(), bdSeq);
            }
            return null;
        });
    }

    private Future<Void> deviceData(SparkplugTopic topic, Payload payload, long now) {
        String box = topic.edgeNodeId();
        Long epoch = epochs.get(box);
        if (epoch == null) {
            rebirthRequests.accept(topic.groupId(), box);
        }
        if (!Metrics.PROJECTOR_DEVICE.equals(topic.deviceId())) {
            return store.touch(box, now);
        }
        List<FieldValue> state = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        // Latest state is ordered by journal record id, not by the box's clock: a box without a real-time clock may
        // jump backwards in time, its record ids never do. A DBIRTH carries the newest record its values reflect.
        Long recordId = null;
        boolean isData = topic.type() == MessageType.DDATA;
        for (Metric metric : payload.metrics()) {
            if (metric.name().equals(Metrics.RECORD_ID)) {
                recordId = metric.value() == null ? null : metric.longValue();
                continue;
            }
            ProjectorField field = ProjectorField.ofMetric(metric.name());
            if (field != null) {
                state.add(new FieldValue(field, metric.value(), recordId == null ? 0 : recordId));
            }
            if (isData && recordId != null) {
                samples.add(new Sample(box, epoch == null ? UNKNOWN_EPOCH : epoch, recordId, metric.name(),
                        metric.timestamp(), metric.value() == null ? null : String.valueOf(metric.value()),
                        metric.historical()));
            }
        }
        return store.touch(box, now)
                .compose(v -> store.updateProjector(box, state))
                .compose(v -> store.addSamples(samples))
                .map(added -> {
                    if (added < samples.size()) {
                        log.debug("{} repeated samples of {} dropped", samples.size() - added, box);
                    }
                    return null;
                });
    }

    private static Long longMetric(Payload payload, String name) {
        return payload.metric(name).filter(m -> m.value() instanceof Long).map(Metric::longValue).orElse(null);
    }
}
