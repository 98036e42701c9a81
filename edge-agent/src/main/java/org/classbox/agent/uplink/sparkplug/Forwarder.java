package org.classbox.agent.uplink.sparkplug;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.classbox.agent.journal.Journal;
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
 * Drains the journal into DDATA messages while the session is up. Live data (appended after the session started)
 * goes first; the backlog is drained behind it in batches marked {@code is_historical}. Consecutive records of one
 * stream are packed into one payload, each preceded by its {@code Journal/RecordId}; they are published at QoS 1 and
 * removed from the journal only after the broker's PUBACK. Up to {@code maxInFlight} messages are outstanding, so a
 * 600 ms round trip does not limit throughput to one batch per round trip. Runs on the agent's context.
 */
final class Forwarder {
    private static final Logger log = LoggerFactory.getLogger(Forwarder.class);

    interface Sender {
        /** Publishes a DDATA for {@code device}; completes on PUBACK. */
        Future<Void> sendDeviceData(String device, RecordClass recordClass, Payload payload);
    }

    private final Journal journal;
    private final Sender sender;
    private final int batchSize;
    private final int maxInFlight;
    private final LongSupplier clock;
    private final Supplier<Set<RecordClass>> sendable;
    private boolean active;
    private boolean reading;
    private int inFlight;
    private long liveFrom;
    private long sentLive;
    private long sentBacklog;
    private long sessionGeneration;

    Forwarder(Journal journal, Sender sender, int batchSize, int maxInFlight, LongSupplier clock,
              Supplier<Set<RecordClass>> sendable) {
        this.journal = journal;
        this.sender = sender;
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.clock = clock;
        this.sendable = sendable;
    }

    /** A new session is up: everything still in the journal is unacknowledged and goes out again. */
    void resume() {
        long generation = ++sessionGeneration;
        active = false;
        journal.lastId().onSuccess(last -> {
            if (generation != sessionGeneration) {
                return;
            }
            liveFrom = last;
            sentLive = last;
            sentBacklog = 0;
            inFlight = 0;
            active = true;
            wake();
        });
    }

    void pause() {
        active = false;
        sessionGeneration++;
    }

    /** Start again from the oldest record, e.g. when classes held back by the daily budget may go again. */
    void rewind() {
        if (active) {
            resume();
        }
    }

    /** Something was appended, acknowledged or the session changed: send more if the window allows. */
    void wake() {
        if (!active || reading || inFlight >= maxInFlight) {
            return;
        }
        reading = true;
        long generation = sessionGeneration;
        Set<RecordClass> classes = sendable.get();
        journal.readRange(sentLive, Long.MAX_VALUE, batchSize, classes)
                .compose(live -> !live.isEmpty() ? Future.succeededFuture(live)
                        : journal.readRange(sentBacklog, liveFrom, batchSize, classes))
                .onComplete(result -> {
                    reading = false;
                    if (generation != sessionGeneration || !active) {
                        wake();
                        return;
                    }
                    if (result.failed()) {
                        log.error("cannot read the journal: {}", result.cause().getMessage());
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
        JournalRecord first = records.get(0);
        boolean historical = first.id() <= liveFrom;
        long last = records.get(records.size() - 1).id();
        if (historical) {
            sentBacklog = last;
        } else {
            sentLive = last;
        }
        List<Metric> metrics = new ArrayList<>();
        List<Long> ids = new ArrayList<>(records.size());
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
            ids.add(record.id());
        }
        inFlight++;
        sender.sendDeviceData(first.entry().stream(), first.entry().recordClass(),
                        new Payload(clock.getAsLong(), null, metrics))
                .compose(v -> journal.remove(ids))
                .onComplete(done -> {
                    if (generation != sessionGeneration) {
                        return;
                    }
                    inFlight--;
                    if (done.failed()) {
                        // The session is going down; the records stay in the journal for the next one.
                        log.debug("records {}..{} not acknowledged: {}", ids.get(0), last, done.cause().getMessage());
                        return;
                    }
                    wake();
                });
    }

    /** The leading records of one stream and one class: one DDATA payload. */
    private static List<JournalRecord> onlyFirstStream(List<JournalRecord> records) {
        JournalRecord first = records.get(0);
        int end = 0;
        while (end < records.size() && records.get(end).entry().stream().equals(first.entry().stream())
                && records.get(end).entry().recordClass() == first.entry().recordClass()) {
            end++;
        }
        return records.subList(0, end);
    }
}
