package org.classbox.console.sparkplug;

import java.sql.SQLException;
import java.util.List;
import java.util.function.LongSupplier;
import org.classbox.console.alarms.AlarmRows;
import org.classbox.console.commands.CommandRows;
import org.classbox.console.fleet.NodeFigures;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.BoxMetadata;
import org.classbox.console.store.BoxWrites;
import org.classbox.console.store.ParkedMessage;
import org.classbox.sparkplug.AliasBook;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugException;
import org.classbox.sparkplug.SparkplugTopic;
import org.classbox.sparkplug.UnknownAliasException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one Sparkplug message inside a store transaction, on the {@code console-store} worker. Births mark a box
 * online with its bdSeq, journal epoch and metadata, and release the box's parked messages under that epoch; an
 * NDEATH marks it offline only when its bdSeq matches; DBIRTH and DDATA update the projector's latest state, and every
 * DDATA record is stored once as samples keyed by (group, box, epoch, record id, metric), a lesson device's
 * back-channel records once as lesson events keyed by (group, box, epoch, record id), and the latest value of every
 * metric of every other device in one row each (device_metrics). Device data of a box not born yet, or using a metric
 * alias no saved birth declares, is parked, never stored under an invented epoch or a guessed name; births are saved,
 * so their aliases outlive a restart of the console. A malformed message changes nothing and is counted; each
 * message's {@code seq} is handed on in the batch's result. In the same transaction: {@code Alarm/<Name>} values raise
 * and clear {@link AlarmRows}, a box's NDEATH raises its {@code Offline} alarm and its birth clears it, and
 * {@code Command/<Name>} records and births settle the commands sent to the box ({@link CommandRows}). A DDATA whose
 * records are all historical (a returning backlog) of a born box goes to the history inbox instead, for the
 * {@link HistoryDrain} to apply between live batches.
 */
final class MessageApplier {
    private static final Logger log = LoggerFactory.getLogger(MessageApplier.class);
    /** The epoch of a Sparkplug edge node that publishes none (not a classbox agent): it has one journal, ever. */
    static final long NO_JOURNAL_EPOCH = 0;

    private final int maxPayloadBytes;
    private final AliasBook aliases;
    private final QuietLog warnings;

    /** {@code aliases} holds what the saved births declared; births applied here update it. */
    MessageApplier(int maxPayloadBytes, AliasBook aliases, LongSupplier clock) {
        this.maxPayloadBytes = maxPayloadBytes;
        this.aliases = aliases;
        this.warnings = new QuietLog(log, clock);
    }

    /** Applies the message; data errors undo only this message. Other SQL errors fail the whole transaction. */
    void apply(BoxWrites writes, String topicName, byte[] bytes, long now, BatchResult result) throws SQLException {
        SparkplugTopic topic;
        try {
            topic = SparkplugTopic.parse(topicName);
        } catch (SparkplugException e) {
            drop(result, Malformation.TOPIC, null, InputChecks.printable(topicName), e.getMessage());
            return;
        }
        MessageType type = topic.type();
        if (type == MessageType.STATE || type == MessageType.NCMD || type == MessageType.DCMD) {
            return; // Host and command traffic, including the console's own rebirth requests.
        }
        String forged = InputChecks.forgedId(topic);
        if (forged != null) {
            // The key is not the ids: whoever forges them can vary them, and every variant would be logged.
            drop(result, Malformation.FORGED_ID, null, InputChecks.printable(topicName), forged);
            return;
        }
        BoxKey box = new BoxKey(topic.groupId(), topic.edgeNodeId());
        if (bytes.length > maxPayloadBytes) {
            drop(result, Malformation.OVERSIZED, box, topicName, bytes.length + " bytes, over the limit of "
                    + maxPayloadBytes);
            return;
        }
        Payload payload;
        try {
            payload = aliases.decode(topic, bytes);
        } catch (UnknownAliasException e) {
            // Acknowledged by the broker, so gone from the box's journal: kept until a birth declares the alias.
            writes.park(box, topic.toString(), bytes, now);
            result.parked++;
            result.unknownAliases++;
            result.unborn.add(box);
            numbered(result, box, type, PayloadCodec.seq(bytes));
            warnings.warn("alias " + box, "parked a message on {} until a birth declares its aliases: {}", topicName,
                    e.getMessage());
            return;
        } catch (SparkplugException e) {
            drop(result, Malformation.PAYLOAD, box, topicName, e.getMessage());
            return;
        }
        if (type != MessageType.NBIRTH && type != MessageType.NDEATH) {
            // In the box's sequence whatever follows: a message dropped below still arrived.
            numbered(result, box, type, payload.seq());
        }
        String wrongType = type == MessageType.DDATA || type == MessageType.NDATA
                ? InputChecks.wrongType(aliases, topic, payload) : null;
        if (wrongType != null) {
            drop(result, Malformation.WRONG_TYPE, box, topicName, wrongType);
            return;
        }
        SQLException dataError = writes.undoOnDataError(() -> applyDecoded(writes, topic, box, payload, bytes, now,
                result));
        if (dataError != null) {
            drop(result, Malformation.VALUE, box, topicName, dataError.getMessage());
        }
    }

    private static void numbered(BatchResult result, BoxKey box, MessageType type, Long seq) {
        if (seq != null && seq >= 0 && seq <= 255) {
            result.numbered.add(new BatchResult.Numbered(box, type, seq));
        }
    }

    private void applyDecoded(BoxWrites writes, SparkplugTopic topic, BoxKey box, Payload payload, byte[] bytes,
                              long now, BatchResult result) throws SQLException {
        switch (topic.type()) {
            case NBIRTH:
                nodeBirth(writes, topic, box, payload, bytes, now, result);
                break;
            case NDEATH:
                nodeDeath(writes, topic, box, payload, now, result);
                break;
            case DBIRTH:
            case DDATA:
                DeviceRecords records = DeviceRecords.of(topic, box, payload);
                if (records.badRecordId() != null) {
                    drop(result, Malformation.RECORD_ID, box, topic.toString(), records.badRecordId());
                    return;
                }
                Long epoch = writes.epochOf(box);
                if (epoch == null) {
                    writes.park(box, topic.toString(), bytes, now);
                    result.parked++;
                    result.unborn.add(box);
                    return;
                }
                if (topic.type() == MessageType.DDATA && HistoryDrain.allHistorical(payload)) {
                    // A returning backlog: kept as it is now, applied between live batches (HistoryDrain).
                    HistoryDrain.keep(writes, topic, box, bytes, epoch, now);
                    result.historyQueued++;
                    return;
                }
                RecordWrites.store(writes, records, epoch, now, result);
                if (topic.type() == MessageType.DBIRTH) {
                    writes.saveBirth(box, topic.deviceId(), topic.toString(), bytes);
                    if (writes.hasParked(box)) {
                        releaseParked(writes, box, epoch, now, result);
                    }
                }
                break;
            default: // NDATA, DDEATH: only tell us the box is there.
                if (writes.epochOf(box) == null) {
                    result.unborn.add(box);
                } else {
                    writes.touch(box, now);
                    if (topic.type() == MessageType.NDATA) {
                        NodeFigures.save(writes.connection(), box, payload, false);
                    }
                }
        }
    }

    private void nodeBirth(BoxWrites writes, SparkplugTopic topic, BoxKey box, Payload payload, byte[] bytes,
                           long now, BatchResult result) throws SQLException {
        Long bdSeq = bdSeq(topic, box, payload, result);
        if (bdSeq == null) {
            return;
        }
        Long declared = longMetric(payload, Metrics.JOURNAL_EPOCH);
        long epoch = declared == null ? NO_JOURNAL_EPOCH : declared;
        writes.boxBorn(box, bdSeq, epoch, now);
        new AlarmRows(writes.connection()).clear(box, "", AlarmRows.OFFLINE, now);
        new CommandRows(writes.connection()).born(box, bdSeq, now);
        result.born.add(box);
        result.unborn.remove(box);
        Long backlog = longMetric(payload, Metrics.JOURNAL_BACKLOG);
        log.info("box {} is online (bdSeq {}, epoch {}, {})", box, bdSeq, epoch,
                backlog == null ? "no journal backlog in its birth" : backlog + " records in its journal");
        saveMetadata(writes, topic, box, payload, result);
        writes.saveBirth(box, "", topic.toString(), bytes);
        NodeFigures.save(writes.connection(), box, payload, true);
        releaseParked(writes, box, epoch, now, result);
        // Sparkplug's NBIRTH is seq 0; one without a seq starts the numbering there too.
        result.numbered.add(new BatchResult.Numbered(box, MessageType.NBIRTH, payload.seq() == null ? 0L
                : payload.seq()));
    }

    /** A value too wide (not from a classbox agent: it checks the widths) leaves all four empty; the birth counts. */
    private void saveMetadata(BoxWrites writes, SparkplugTopic topic, BoxKey box, Payload payload,
                              BatchResult result) throws SQLException {
        BoxMetadata metadata = new BoxMetadata(writes.connection());
        SQLException tooWide = writes.undoOnDataError(() -> metadata.saveFromBirth(box, payload));
        if (tooWide != null) {
            metadata.save(box, null, null, null, null);
            drop(result, Malformation.VALUE, box, topic.toString(), "box metadata not stored: "
                    + tooWide.getMessage());
        }
    }

    /**
     * Stores the box's parked messages under {@code epoch}, now that it is born; a message whose aliases no birth
     * has declared yet (its DBIRTH may follow the NBIRTH) is parked again, in its order.
     */
    private void releaseParked(BoxWrites writes, BoxKey box, long epoch, long now, BatchResult result)
            throws SQLException {
        List<ParkedMessage> parked = writes.unpark(box);
        int stored = 0;
        for (ParkedMessage message : parked) {
            // Parked messages were checked before parking; decoding them again fails only on an alias.
            SparkplugTopic parkedTopic = SparkplugTopic.parse(message.topic());
            Payload payload;
            try {
                payload = aliases.decode(parkedTopic, message.payload());
            } catch (UnknownAliasException e) {
                writes.park(box, message.topic(), message.payload(), now);
                continue;
            }
            if (parkedTopic.type() == MessageType.DBIRTH) {
                writes.saveBirth(box, parkedTopic.deviceId(), message.topic(), message.payload());
            }
            DeviceRecords records = DeviceRecords.of(parkedTopic, box, payload);
            SQLException dataError = writes.undoOnDataError(() -> RecordWrites.store(writes, records, epoch, now, result));
            if (dataError != null) {
                drop(result, Malformation.VALUE, box, message.topic(), dataError.getMessage());
            }
            stored++;
        }
        if (stored > 0) {
            result.unparked += stored;
            log.info("stored {} messages of {} that arrived before its birth, under epoch {}", stored, box, epoch);
        }
    }

    private void nodeDeath(BoxWrites writes, SparkplugTopic topic, BoxKey box, Payload payload, long now,
                           BatchResult result) throws SQLException {
        Long bdSeq = bdSeq(topic, box, payload, result);
        if (bdSeq == null) {
            return;
        }
        result.numbered.add(new BatchResult.Numbered(box, MessageType.NDEATH, null));
        if (writes.boxDied(box, bdSeq, now)) {
            new AlarmRows(writes.connection()).raise(box, "", AlarmRows.OFFLINE, "NDEATH (bdSeq " + bdSeq + ")", now);
            log.info("box {} is offline (NDEATH bdSeq {})", box, bdSeq);
        } else {
            log.debug("stale NDEATH of {} with bdSeq {} ignored", box, bdSeq);
        }
    }

    /** Births and deaths without a bdSeq cannot be matched to each other: such a message is dropped. */
    private Long bdSeq(SparkplugTopic topic, BoxKey box, Payload payload, BatchResult result) {
        Long bdSeq = longMetric(payload, Metrics.BD_SEQ);
        if (bdSeq == null) {
            drop(result, Malformation.NO_BD_SEQ, box, topic.toString(), topic.type() + " without a " + Metrics.BD_SEQ
                    + " metric (INT64)");
        }
        return bdSeq;
    }

    /** Counts the message as malformed and warns, once a minute per reason and box ({@code box} null: per reason). */
    private void drop(BatchResult result, Malformation reason, BoxKey box, String topic, String detail) {
        result.malformed(reason);
        warnings.warn(reason.key() + (box == null ? "" : " " + box), "dropped a malformed message on {} ({}): {}",
                topic, reason.key(), detail);
    }

    static Long longMetric(Payload payload, String name) {
        return payload.metric(name).filter(m -> m.value() instanceof Long).map(Metric::longValue).orElse(null);
    }
}
