package org.classbox.console.sparkplug;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.BoxStore;
import org.classbox.console.store.BoxWrites;
import org.classbox.console.store.HistoryInbox;
import org.classbox.sparkplug.AliasBook;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.SparkplugException;
import org.classbox.sparkplug.SparkplugTopic;
import org.classbox.sparkplug.UnknownAliasException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the history inbox: the DDATA of returning backlogs that ingest kept as received ({@link #keep}) instead of
 * storing their records while live messages wait. Takes the oldest messages in small transactions (at most
 * {@link #MAX_MESSAGES} messages, {@link #MAX_SAMPLES} record metrics or {@link #BUDGET_MILLIS} of work, and no
 * further message once live messages wait), stores each as a live DDATA is stored, under the epoch the box had when
 * it arrived (a record already stored counts as repeated), and removes them in the same transaction. Its
 * transactions go through the store's one writer like ingest's, one at a time: a live batch submitted meanwhile runs
 * before the next one, so live data waits for at most one message of history. Rows stay until applied, so a restart
 * or a failing store (retried with backoff) loses nothing. Runs on the console's event loop; SQL on the store's
 * worker.
 */
public final class HistoryDrain {
    private static final Logger log = LoggerFactory.getLogger(HistoryDrain.class);
    static final int MAX_MESSAGES = 50;
    static final int MAX_SAMPLES = 10_000;
    /** Work per transaction after which no further message is taken: what a live batch may wait behind it. */
    static final long BUDGET_MILLIS = 200;
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long MAX_RETRY_MILLIS = 30_000;

    private final Vertx vertx;
    private final BoxStore store;
    private final AliasBook aliases;
    private final IngestCounters counters;
    private final SparkplugIngest ingest;
    private final QuietLog warnings;
    private boolean started;
    private boolean stopped;
    private boolean running;
    private boolean more;
    private long retryMillis;
    private long retryTimer = -1;

    /** Drains what {@code ingest} keeps in the inbox of {@code store}, counting in its counters. */
    public HistoryDrain(Vertx vertx, BoxStore store, SparkplugIngest ingest) {
        this.vertx = vertx;
        this.store = store;
        this.aliases = ingest.aliases();
        this.counters = ingest.counters();
        this.ingest = ingest;
        this.warnings = new QuietLog(log, System::currentTimeMillis);
        ingest.onHistoryQueued(this::wake);
    }

    /** Whether every metric of a non-empty DDATA is historical: a box's returning backlog. */
    static boolean allHistorical(Payload payload) {
        return !payload.metrics().isEmpty() && payload.metrics().stream().allMatch(Metric::historical);
    }

    /** Keeps a historical DDATA of a born box (current {@code epoch}) in the inbox, inside ingest's transaction. */
    static void keep(BoxWrites writes, SparkplugTopic topic, BoxKey box, byte[] bytes, long epoch, long now)
            throws SQLException {
        writes.touch(box, now);
        new HistoryInbox(writes.connection()).add(box, epoch, topic.toString(), bytes, now);
    }

    /** Counts what the inbox holds (left by a console that stopped) and starts applying it. */
    public Future<Void> start() {
        started = true;
        return store.read("count the history inbox", writes -> new HistoryInbox(writes.connection()).count())
                .map(queued -> {
                    counters.historyQueued(queued);
                    if (queued > 0) {
                        log.info("{} historical messages wait in the history inbox", queued);
                        wake();
                    }
                    return null;
                });
    }

    /** Takes no further transaction; one running completes, its rows removed or left for the next start. */
    public void stop() {
        stopped = true;
        if (retryTimer >= 0) {
            vertx.cancelTimer(retryTimer);
            retryTimer = -1;
        }
    }

    /** Ingest kept messages in the inbox. Event loop only. */
    void wake() {
        if (running || retryTimer >= 0) {
            more = true;
            return;
        }
        if (started && !stopped) {
            drainNext();
        }
    }

    private void drainNext() {
        running = true;
        more = false;
        store.transaction("apply historical messages", this::applyOldest).onComplete(done -> {
            running = false;
            if (stopped) {
                return;
            }
            if (done.failed()) {
                failed(done.cause());
                return;
            }
            if (retryMillis > 0) {
                log.info("the store works again; applying the history inbox");
                retryMillis = 0;
            }
            BatchResult result = done.result();
            counters.historyApplied(result);
            if (result.historyApplied > 0 || more) {
                drainNext();
            }
        });
    }

    private BatchResult applyOldest(BoxWrites writes) throws SQLException {
        HistoryInbox inbox = new HistoryInbox(writes.connection());
        BatchResult result = new BatchResult();
        long startedAt = System.nanoTime();
        List<Long> applied = new ArrayList<>();
        int samples = 0;
        for (HistoryInbox.Entry entry : inbox.oldest(MAX_MESSAGES)) {
            // Live messages that arrived meanwhile wait for this transaction: it ends after the message at hand.
            if (!applied.isEmpty() && (ingest.liveWaiting() || samples >= MAX_SAMPLES
                    || System.nanoTime() - startedAt > TimeUnit.MILLISECONDS.toNanos(BUDGET_MILLIS))) {
                break;
            }
            samples += apply(writes, entry, result);
            applied.add(entry.seq());
        }
        result.historyApplied = inbox.remove(applied);
        return result;
    }

    /** Stores one kept message as ingest stores a live DDATA; returns its number of record metrics. */
    private int apply(BoxWrites writes, HistoryInbox.Entry entry, BatchResult result) throws SQLException {
        Payload payload;
        SparkplugTopic topic;
        try {
            topic = SparkplugTopic.parse(entry.topic());
            payload = aliases.decode(topic, entry.payload());
        } catch (UnknownAliasException e) {
            // Its birth is no longer known: parked as ingest parks such a message, until a birth declares the alias.
            writes.park(entry.box(), entry.topic(), entry.payload(), entry.arrivedAt());
            result.parked++;
            result.unknownAliases++;
            return 0;
        } catch (SparkplugException e) {
            // Ingest decoded it before keeping it: only a store changed under the console gets here.
            result.malformed(Malformation.PAYLOAD);
            warnings.warn("history " + entry.box(), "dropped an unreadable message of the history inbox on {}: {}",
                    entry.topic(), e.getMessage());
            return 0;
        }
        DeviceRecords records = DeviceRecords.of(topic, entry.box(), payload);
        // As the message arrived: when it was received is when the box was last heard from.
        SQLException dataError = writes.undoOnDataError(() -> RecordWrites.store(writes, records, entry.epoch(),
                entry.arrivedAt(), result));
        if (dataError != null) {
            result.malformed(Malformation.VALUE);
            warnings.warn(Malformation.VALUE.key() + " " + entry.box(), "dropped a malformed message on {} ({}): {}",
                    entry.topic(), Malformation.VALUE.key(), dataError.getMessage());
        }
        return records.samples().size();
    }

    private void failed(Throwable cause) {
        counters.storeFailed();
        if (retryMillis == 0) {
            log.error("cannot apply the history inbox, retrying until the store works: {}", cause.getMessage());
            retryMillis = FIRST_RETRY_MILLIS;
        } else {
            log.debug("store still failing for the history inbox: {}", cause.getMessage());
            retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
        }
        retryTimer = vertx.setTimer(retryMillis, id -> {
            retryTimer = -1;
            drainNext();
        });
    }
}
