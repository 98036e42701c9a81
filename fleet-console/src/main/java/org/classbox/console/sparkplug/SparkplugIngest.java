package org.classbox.console.sparkplug;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.BoxStore;
import org.classbox.console.store.SavedBirth;
import org.classbox.sparkplug.AliasBook;
import org.classbox.sparkplug.SparkplugException;
import org.classbox.sparkplug.SparkplugTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Sparkplug messages into store transactions with group commit: messages that arrive while a transaction runs
 * wait and share the next one. The future of each message completes only after the transaction holding it committed
 * and the file was forced, in arrival order, so the caller may acknowledge it to the broker then. The queue is
 * bounded by the broker: it sends at most the client's Receive Maximum of unacknowledged messages. When the store
 * fails, the batch is kept and retried with backoff; nothing is acknowledged meanwhile. Once a batch committed, the
 * {@code seq} of its messages goes to a {@link SeqTracker}: a message that never arrives (a gap) is counted and the
 * box asked for a rebirth, as is a box that sent data before its birth or with an alias no birth declared (each box
 * at most every {@link RebirthLimiter#INTERVAL_MILLIS}). Runs on the console's event loop; SQL runs on the store's
 * worker.
 */
public final class SparkplugIngest {
    private static final Logger log = LoggerFactory.getLogger(SparkplugIngest.class);
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long MAX_RETRY_MILLIS = 30_000;
    private static final long GAP_CHECK_MILLIS = 1_000;

    private final Vertx vertx;
    private final BoxStore store;
    private final BiConsumer<String, String> rebirthRequests;
    private final LongSupplier clock;
    private final MessageApplier applier;
    private final AliasBook aliases;
    private final int maxQueued;
    private final RebirthLimiter rebirths = new RebirthLimiter();
    /** Not reset by a birth: a box that keeps losing messages is asked at most every interval, not after each birth. */
    private final RebirthLimiter gapRebirths = new RebirthLimiter();
    private final IngestCounters counters = new IngestCounters();
    private final SeqTracker seqs;
    private long gapTimer = -1;
    private final ArrayDeque<Inbound> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean stopped;
    private long retryMillis;
    private long retryTimer = -1;
    private boolean overLimitLogged;
    private final QuietLog seqLog;
    private Runnable historyQueued = () -> { };
    /** Whether live messages wait for the writer: read by the history drain on the store's worker. */
    private volatile boolean liveWaiting;

    /**
     * @param rebirthRequests receives (group id, box id) of boxes that must publish their births again
     * @param maxQueued       the Receive Maximum the console gives the broker: more waiting messages mean the broker
     *                        ignores it, which is logged once
     * @param maxPayloadBytes larger payloads are dropped as malformed
     * @param aliases         the metric aliases declared by the births saved in {@code store} ({@link #learnBirths})
     */
    public SparkplugIngest(Vertx vertx, BoxStore store, BiConsumer<String, String> rebirthRequests,
                           LongSupplier clock, int maxQueued, int maxPayloadBytes, AliasBook aliases) {
        this(vertx, store, rebirthRequests, clock, maxQueued, maxPayloadBytes, aliases, SeqTracker.REORDER_MILLIS);
    }

    /** With a {@code seq} hole becoming a gap after {@code reorderMillis} ({@code ingest.reorderTimeoutMillis}). */
    public SparkplugIngest(Vertx vertx, BoxStore store, BiConsumer<String, String> rebirthRequests, LongSupplier clock,
                           int maxQueued, int maxPayloadBytes, AliasBook aliases, long reorderMillis) {
        this.vertx = vertx;
        this.seqs = new SeqTracker(reorderMillis);
        this.store = store;
        this.rebirthRequests = rebirthRequests;
        this.clock = clock;
        this.maxQueued = maxQueued;
        this.aliases = aliases;
        this.applier = new MessageApplier(maxPayloadBytes, aliases, clock);
        this.seqLog = new QuietLog(log, clock);
    }

    /**
     * Queues one message; the future completes once it is durably applied (or durably dropped as malformed). It
     * never fails for bad input; it does not complete at all if the console stops first.
     */
    public Future<Void> accept(String topic, byte[] payload) {
        Inbound inbound = new Inbound(topic, payload, Promise.promise());
        queue.add(inbound);
        liveWaiting = true;
        if (queue.size() > maxQueued && !overLimitLogged) {
            overLimitLogged = true;
            log.warn("{} messages wait for the store, more than the {} the broker was allowed to send", queue.size(),
                    maxQueued);
        }
        counters.queued(queue.size());
        writeNext();
        return inbound.done.future();
    }

    /**
     * Reads the births saved in the store into the alias book, before the first message arrives: what the broker
     * kept for the console while it was away uses the aliases they declared.
     */
    public Future<Void> learnBirths() {
        return learnBirths(group -> true);
    }

    /**
     * As {@link #learnBirths()}, for the boxes of {@code groups} only: a cluster instance taking a shard over learns
     * the births its former holder saved, before the shard's session delivers anything. Boxes this instance is
     * decoding meanwhile are left alone, so a newer birth is never replaced by an older one.
     */
    public Future<Void> learnBirths(Predicate<String> groups) {
        return store.births().map(births -> {
            int learnt = 0;
            for (SavedBirth birth : births) {
                try {
                    SparkplugTopic topic = SparkplugTopic.parse(birth.topic());
                    if (!groups.test(topic.groupId())) {
                        continue;
                    }
                    learnt++;
                    aliases.decode(topic, birth.payload());
                } catch (SparkplugException e) {
                    log.warn("saved birth on {} is unreadable: {}", birth.topic(), e.getMessage());
                }
            }
            log.info("{} saved births read", learnt);
            return null;
        });
    }

    /** Stops writing; queued messages stay unacknowledged, so the broker delivers them again. */
    public void stop() {
        stopped = true;
        for (long timer : new long[] {retryTimer, gapTimer}) {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
        }
    }

    /**
     * Forgets the {@code seq} of the boxes {@code which} accepts, e.g. boxes another console instance follows now:
     * when they come back, their next number is adopted instead of seen as a gap. Event loop only.
     */
    public void forgetSequences(Predicate<BoxKey> which) {
        seqs.forget(which);
    }

    /** {@code listener} runs on the event loop after a batch that kept messages in the history inbox committed. */
    public void onHistoryQueued(Runnable listener) {
        historyQueued = listener;
    }

    /** Whether live messages wait for the store's writer; any thread. */
    boolean liveWaiting() {
        return liveWaiting;
    }

    AliasBook aliases() {
        return aliases;
    }

    public IngestCounters counters() {
        return counters;
    }

    private void writeNext() {
        if (writing || stopped || queue.isEmpty()) {
            return;
        }
        writing = true;
        List<Inbound> batch = new ArrayList<>(queue);
        queue.clear();
        liveWaiting = false;
        long now = clock.getAsLong();
        store.transaction("store " + batch.size() + " messages", writes -> {
            BatchResult result = new BatchResult();
            for (Inbound message : batch) {
                applier.apply(writes, message.topic, message.payload, now, result);
            }
            return result;
        }).onComplete(done -> {
            writing = false;
            if (done.succeeded()) {
                committed(batch, done.result(), now);
            } else {
                failed(batch, done.cause());
            }
        });
    }

    private void committed(List<Inbound> batch, BatchResult result, long now) {
        if (retryMillis > 0) {
            log.info("the store works again; {} messages stored", batch.size());
            retryMillis = 0;
        }
        counters.committed(result, batch.size());
        counters.queued(queue.size());
        result.born.forEach(rebirths::born);
        followSequence(result.numbered, now);
        for (BoxKey box : result.unborn) {
            if (rebirths.shouldAsk(box, now)) {
                counters.rebirthForUnknownAlias();
                rebirthRequests.accept(box.groupId(), box.boxId());
            }
        }
        for (Inbound message : batch) {
            message.done.complete();
        }
        // Live first: the next live batch is submitted before the drain's, and the writer runs them in order.
        writeNext();
        if (result.historyQueued > 0) {
            historyQueued.run();
        }
    }

    /** Feeds the committed messages' numbers to the tracker, in arrival order, and watches the holes it found. */
    private void followSequence(List<BatchResult.Numbered> numbered, long now) {
        for (BatchResult.Numbered message : numbered) {
            switch (message.type()) {
                case NBIRTH -> seqs.born(message.box(), message.seq());
                case NDEATH -> seqs.died(message.box());
                default -> {
                    SeqTracker.Seen seen = seqs.observe(message.box(), message.seq(), now);
                    if (seen == SeqTracker.Seen.REPEAT) {
                        counters.seqRepeat();
                    } else if (seen == SeqTracker.Seen.HOLE) {
                        log.debug("box {} skipped to seq {}; waiting for what is missing", message.box(),
                                message.seq());
                    }
                }
            }
        }
        watchHoles();
    }

    /** While a hole is open, looks again each second whether it became a gap: one whose message did not come. */
    private void watchHoles() {
        if (gapTimer >= 0 || stopped || !seqs.holesOpen()) {
            return;
        }
        gapTimer = vertx.setTimer(GAP_CHECK_MILLIS, id -> {
            gapTimer = -1;
            long now = clock.getAsLong();
            for (BoxKey box : seqs.gaps(now)) {
                counters.seqGap();
                boolean ask = gapRebirths.shouldAsk(box, now);
                seqLog.warn("gap " + box, "a message of box {} never arrived (seq gap){}", box,
                        ask ? "; asking it for a rebirth" : "");
                if (ask) {
                    counters.rebirthForSeqGap();
                    rebirthRequests.accept(box.groupId(), box.boxId());
                }
            }
            watchHoles();
        });
    }

    private void failed(List<Inbound> batch, Throwable cause) {
        counters.storeFailed();
        // Back to the head of the queue, in order: these messages are still unacknowledged.
        for (int i = batch.size() - 1; i >= 0; i--) {
            queue.addFirst(batch.get(i));
        }
        liveWaiting = true;
        if (retryMillis == 0) {
            log.error("cannot store {} messages, retrying until the store works: {}", batch.size(),
                    cause.getMessage());
            retryMillis = FIRST_RETRY_MILLIS;
        } else {
            log.debug("store still failing: {}", cause.getMessage());
            retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
        }
        if (!stopped) {
            retryTimer = vertx.setTimer(retryMillis, id -> {
                retryTimer = -1;
                writeNext();
            });
        }
    }

    private record Inbound(String topic, byte[] payload, Promise<Void> done) {
    }
}
