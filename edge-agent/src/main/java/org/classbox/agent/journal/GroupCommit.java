package org.classbox.agent.journal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.classbox.agent.config.JournalConfig;

/**
 * Group commit: appends that arrive while a commit runs wait in a queue and go together into the next one, so many
 * producers share one write and one flush. Hands each append its id, or the reason it was refused.
 */
final class GroupCommit {
    /** What the commit function returns for an entry refused because alarms and events fill the budget. */
    static final long BUDGET_FULL = -1;
    /** ... for an entry refused because the disk is short of its reserve. */
    static final long DISK_FULL = -2;

    /** Commits one group on the journal worker: an id, or a refusal code, per entry. */
    interface Committer {
        List<Long> commit(List<JournalEntry> entries) throws Exception;
    }

    private final JournalConfig config;
    private final Committer committer;
    private final Function<Callable<Void>, Future<Void>> onWorker;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    /** @param onWorker runs a task on the journal worker */
    GroupCommit(JournalConfig config, Committer committer, Function<Callable<Void>, Future<Void>> onWorker) {
        this.config = config;
        this.committer = committer;
        this.onWorker = onWorker;
    }

    Future<Long> append(JournalEntry entry) {
        // A caller on a Vert.x context gets its result there; any other thread straight from the worker.
        ContextInternal context = (ContextInternal) Vertx.currentContext();
        Promise<Long> promise = context == null ? Promise.promise() : context.promise();
        queue.add(new Pending(entry, promise));
        flushIfIdle();
        return promise.future();
    }

    private void flushIfIdle() {
        if (!queue.isEmpty() && flushing.compareAndSet(false, true)) {
            onWorker.apply(this::commitNext);
        }
    }

    /**
     * On the worker: commits one group, then queues the next group's commit on the worker straight away if appends
     * are waiting (no round trip through an event loop in between, and reads queued meanwhile go first).
     */
    private Void commitNext() {
        List<Pending> batch = new ArrayList<>();
        List<JournalEntry> entries = new ArrayList<>();
        Pending next;
        while (batch.size() < config.maxBatch() && (next = queue.poll()) != null) {
            batch.add(next);
            entries.add(next.entry);
        }
        if (!batch.isEmpty()) {
            List<Long> ids = null;
            Throwable failure = null;
            try {
                ids = committer.commit(entries);
            } catch (Throwable e) {
                failure = e;
            }
            for (int i = 0; i < batch.size(); i++) {
                settle(batch.get(i).promise, entries.get(i), failure, ids == null ? 0 : ids.get(i));
            }
        }
        if (!queue.isEmpty()) {
            onWorker.apply(this::commitNext);
            return null;
        }
        flushing.set(false);
        // An append may have come between the last look at the queue and the flag.
        flushIfIdle();
        return null;
    }

    private void settle(Promise<Long> promise, JournalEntry entry, Throwable failure, long id) {
        if (failure != null) {
            promise.fail(failure);
        } else if (id == DISK_FULL) {
            promise.fail(new JournalException(JournalException.Kind.DISK_FULL, "journal in " + config.dataDir()
                    + ": the disk is full (less than " + config.minFreeMegabytes() + " MB free), only alarms are"
                    + " taken: refused " + describe(entry), null));
        } else if (id == BUDGET_FULL) {
            promise.fail(new JournalFullException("journal in " + config.dataDir() + " is full ("
                    + config.budgetMegabytes() + " MB of alarms and events): refused " + describe(entry)));
        } else {
            promise.complete(id);
        }
    }

    private static String describe(JournalEntry entry) {
        return "a " + entry.recordClass().name().toLowerCase(Locale.ROOT) + " record of " + entry.body().length
                + " bytes for stream '" + entry.stream() + "'";
    }

    private record Pending(JournalEntry entry, Promise<Long> promise) {
    }
}
