package org.classbox.agent.uplink.sparkplug;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.agent.journal.RecordClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the journal into DDATA messages while the session is up. Live data (appended after the session started)
 * goes first; the backlog is drained behind it, marked {@code is_historical}. Each read of the journal is packed by
 * stream and class ({@link Batch#pack}), so interleaved devices still travel many records to a message. Messages are
 * published at QoS 1 and their records removed only after the broker's PUBACK; up to a window of messages is
 * outstanding, so a 600 ms round trip does not limit throughput to one message per round trip.
 *
 * <p>A message whose publish fails while the session lasts is sent again in that session. Records in flight are
 * owned by the window until acknowledged: a rebirth ({@link #hold}) or a rewind never sends them a second time.
 * Runs on the agent's context.
 */
final class Forwarder {
    private static final Logger log = LoggerFactory.getLogger(Forwarder.class);
    /** Records per journal read, in batches: enough to fill several messages when streams interleave. */
    private static final int BATCHES_PER_READ = 8;
    /** A read never holds more records than this in memory. */
    private static final int MAX_READ = 10_000;

    interface Sender {
        /** Publishes a DDATA for {@code batch}; completes on PUBACK. */
        Future<Void> send(Batch batch);
    }

    private final Journal journal;
    private final Sender sender;
    private final int batchSize;
    private final Supplier<Set<RecordClass>> sendable;
    private final Consumer<Runnable> retryLater;
    private final Deque<Batch> ready = new ArrayDeque<>();
    private final Deque<Batch> retry = new ArrayDeque<>();
    /** Ids published and not yet removed from the journal, across rewinds and holds of one session. */
    private final Set<Long> owned = new HashSet<>();
    private int window = 1;
    private boolean active;
    private boolean held;
    private boolean reading;
    /** A wake came while a read was running: that read may have missed what the wake was about. */
    private boolean readAgain;
    private boolean retryPending;
    private int inFlight;
    private long liveFrom;
    private long sentLive;
    private long sentBacklog;
    private long sessionGeneration;
    private long readGeneration;

    /** {@code retryLater} runs its argument after a pause, on the agent's context. */
    Forwarder(Journal journal, Sender sender, int batchSize, Supplier<Set<RecordClass>> sendable,
              Consumer<Runnable> retryLater) {
        this.journal = journal;
        this.sender = sender;
        this.batchSize = batchSize;
        this.sendable = sendable;
        this.retryLater = retryLater;
    }

    /** A new session is up with room for {@code window} messages: everything still in the journal goes out again. */
    void resume(int window) {
        long generation = ++sessionGeneration;
        active = false;
        journal.lastId().onSuccess(last -> {
            if (generation != sessionGeneration) {
                return;
            }
            this.window = window;
            liveFrom = last;
            owned.clear();
            inFlight = 0;
            held = false;
            restartReading();
            active = true;
            wake();
        });
    }

    /** The session ended: what is in flight stays in the journal for the next one. */
    void pause() {
        active = false;
        sessionGeneration++;
        ready.clear();
        retry.clear();
        retryPending = false;
    }

    /** Stops sending (births are being published) without forgetting what is in flight. */
    void hold() {
        held = true;
    }

    void release() {
        held = false;
        wake();
    }

    /**
     * Reads again from the oldest record, e.g. when classes held back by the daily budget may go again; records in
     * flight are not sent again.
     */
    void rewind() {
        if (active) {
            restartReading();
            wake();
        }
    }

    /** Messages published and not yet acknowledged. */
    int inFlight() {
        return inFlight;
    }

    /** Something was appended, acknowledged or the session changed: send more if the window allows. */
    void wake() {
        if (!active || held) {
            return;
        }
        while (inFlight < window && ((!retryPending && !retry.isEmpty()) || !ready.isEmpty())) {
            publish(!retryPending && !retry.isEmpty() ? retry.removeFirst() : ready.removeFirst());
        }
        // Read ahead while fewer batches wait than the window holds, so a read's latency is hidden behind sending.
        if (ready.size() < window) {
            if (reading) {
                readAgain = true;
            } else {
                read();
            }
        }
    }

    private void restartReading() {
        sentLive = liveFrom;
        sentBacklog = 0;
        ready.clear();
        readGeneration++;
    }

    private void read() {
        reading = true;
        readAgain = false;
        long generation = readGeneration;
        long session = sessionGeneration;
        Set<RecordClass> classes = sendable.get();
        int limit = Math.min(MAX_READ, batchSize * BATCHES_PER_READ);
        journal.readRange(sentLive, Long.MAX_VALUE, limit, classes)
                .compose(live -> !live.isEmpty() ? Future.succeededFuture(live)
                        : journal.readRange(sentBacklog, liveFrom, limit, classes))
                .onComplete(result -> {
                    reading = false;
                    if (session != sessionGeneration || generation != readGeneration || !active) {
                        wake();
                        return;
                    }
                    if (result.failed()) {
                        log.error("cannot read the journal: {}", result.cause().getMessage());
                        return;
                    }
                    List<JournalRecord> records = result.result();
                    if (records.isEmpty()) {
                        // A record appended while this read ran may be missing from it, and its wake found the read
                        // running: without another read it would wait in the journal until the next append.
                        if (readAgain) {
                            wake();
                        }
                        return;
                    }
                    boolean historical = records.get(0).id() <= liveFrom;
                    long last = records.get(records.size() - 1).id();
                    if (historical) {
                        sentBacklog = last;
                    } else {
                        sentLive = last;
                    }
                    List<JournalRecord> fresh = records.stream().filter(r -> !owned.contains(r.id())).toList();
                    ready.addAll(Batch.pack(fresh, batchSize, historical));
                    wake();
                });
    }

    private void publish(Batch batch) {
        List<Long> ids = batch.ids();
        long session = sessionGeneration;
        owned.addAll(ids);
        inFlight++;
        Future<Void> sent;
        try {
            sent = sender.send(batch);
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e);
        }
        sent.onComplete(ack -> {
            if (session != sessionGeneration) {
                if (ack.succeeded()) {
                    // The broker has them even though sending was paused meanwhile (the primary host went away).
                    journal.remove(ids).onFailure(e -> log.debug("acknowledged records {}..{} not removed: {}",
                            ids.get(0), ids.get(ids.size() - 1), e.getMessage()));
                }
                return;
            }
            inFlight--;
            if (ack.failed()) {
                // Still this session: the broker refused or Paho could not take it. Send it again after a pause; if
                // the session is going down, pause() drops it and the next session reads it again.
                log.debug("records {}..{} of {} not acknowledged, sending again: {}", ids.get(0),
                        ids.get(ids.size() - 1), batch.device(), ack.cause().getMessage());
                retry.addLast(batch);
                if (!retryPending) {
                    retryPending = true;
                    retryLater.accept(() -> {
                        retryPending = false;
                        wake();
                    });
                }
                return;
            }
            // The window slot is free at PUBACK; the records stay owned until the journal has removed them, so a
            // rewind meanwhile does not send them again.
            journal.remove(ids).onComplete(removed -> {
                if (session != sessionGeneration) {
                    return;
                }
                ids.forEach(owned::remove);
                if (removed.failed()) {
                    log.warn("records {}..{} acknowledged but not removed from the journal (sent again later): {}",
                            ids.get(0), ids.get(ids.size() - 1), removed.cause().getMessage());
                }
            });
            wake();
        });
    }
}
