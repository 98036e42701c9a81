package org.classbox.agent.uplink.sparkplug;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the journal into DDATA messages while the session is up: reads the oldest records not yet sent, packs
 * consecutive records of one device into one payload (each preceded by its {@code Journal/RecordId}), publishes at
 * QoS 1 and removes the records only after the broker's PUBACK. Up to {@code maxInFlight} messages are outstanding,
 * so a 600 ms round trip does not limit throughput to one batch per round trip. Runs on the agent's context.
 */
final class Forwarder {
    private static final Logger log = LoggerFactory.getLogger(Forwarder.class);

    interface Sender {
        /** Publishes a DDATA for {@code device}; completes on PUBACK. */
        Future<Void> sendDeviceData(String device, Payload payload);
    }

    private final Journal journal;
    private final Sender sender;
    private final int batchSize;
    private final int maxInFlight;
    private final LongSupplier clock;
    private boolean active;
    private boolean reading;
    private int inFlight;
    private long sentUpTo;
    private long sessionStart;
    private long sessionGeneration;

    Forwarder(Journal journal, Sender sender, int batchSize, int maxInFlight, LongSupplier clock) {
        this.journal = journal;
        this.sender = sender;
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.clock = clock;
    }

    /** A new session is up: everything still in the journal is unacknowledged and goes out again. */
    void resume(long sessionStartMillis) {
        active = true;
        sessionGeneration++;
        sentUpTo = 0;
        inFlight = 0;
        sessionStart = sessionStartMillis;
        wake();
    }

    void pause() {
        active = false;
        sessionGeneration++;
    }

    /** Something was appended, acknowledged or the session changed: send more if the window allows. */
    void wake() {
        if (!active || reading || inFlight >= maxInFlight) {
            return;
        }
        reading = true;
        long generation = sessionGeneration;
        journal.readAfter(sentUpTo, batchSize).onComplete(result -> {
            reading = false;
            if (generation != sessionGeneration || !active) {
                wake();
                return;
            }
            if (result.failed()) {
                log.error("cannot read the journal after record {}: {}", sentUpTo, result.cause().getMessage());
                return;
            }
            List<JournalRecord> records = result.result();
            if (records.isEmpty()) {
                return;
            }
            send(onlyFirstStream(records), generation);
            wake();
        });
    }

    private void send(List<JournalRecord> records, long generation) {
        String device = records.get(0).entry().stream();
        List<Metric> metrics = new ArrayList<>();
        List<Long> ids = new ArrayList<>(records.size());
        for (JournalRecord record : records) {
            boolean historical = record.entry().takenAt() < sessionStart;
            metrics.add(new Metric(Metrics.RECORD_ID, MetricType.UINT64, record.id(), record.entry().takenAt(),
                    historical));
            for (Metric metric : PayloadCodec.decode(record.entry().body()).metrics()) {
                metrics.add(historical ? metric.asHistorical() : metric);
            }
            ids.add(record.id());
        }
        sentUpTo = ids.get(ids.size() - 1);
        inFlight++;
        sender.sendDeviceData(device, new Payload(clock.getAsLong(), null, metrics))
                .compose(v -> journal.remove(ids))
                .onComplete(done -> {
                    if (generation != sessionGeneration) {
                        return;
                    }
                    inFlight--;
                    if (done.failed()) {
                        // The session is going down; the records stay in the journal for the next one.
                        log.debug("records {}..{} not acknowledged: {}", ids.get(0), sentUpTo,
                                done.cause().getMessage());
                        return;
                    }
                    wake();
                });
    }

    private static List<JournalRecord> onlyFirstStream(List<JournalRecord> records) {
        String stream = records.get(0).entry().stream();
        int end = 0;
        while (end < records.size() && records.get(end).entry().stream().equals(stream)) {
            end++;
        }
        return records.subList(0, end);
    }
}
