package org.classbox.agent.journal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private final JournalConfig config;
    private final Function<List<JournalEntry>, Future<List<Long>>> commit;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    /** @param commit commits a group (on the journal worker): an id, or a refusal code, per entry */
    GroupCommit(JournalConfig config, Function<List<JournalEntry>, Future<List<Long>>> commit) {
        this.config = config;
        this.commit = commit;
    }

    Future<Long> append(JournalEntry entry) {
        Promise<Long> promise = Promise.promise();
        queue.add(new Pending(entry, promise));
        flushIfIdle();
        return promise.future();
    }

    private void flushIfIdle() {
        if (queue.isEmpty() || !flushing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        List<JournalEntry> entries = new ArrayList<>();
        Pending next;
        while (batch.size() < config.maxBatch() && (next = queue.poll()) != null) {
            batch.add(next);
            entries.add(next.entry);
        }
        commit.apply(entries).onComplete(result -> {
            flushing.set(false);
            for (int i = 0; i < batch.size(); i++) {
                Promise<Long> promise = batch.get(i).promise;
                if (result.failed()) {
                    promise.fail(result.cause());
                } else if (result.result().get(i) == DISK_FULL) {
                    promise.fail(new JournalException(JournalException.Kind.DISK_FULL, "journal in " + config.dataDir()
                            + ": the disk is full (less than " + config.minFreeMegabytes() + " MB free), only alarms"
                            + " are taken: refused " + describe(entries.get(i)), null));
                } else if (result.result().get(i) == BUDGET_FULL) {
                    promise.fail(new JournalFullException("journal in " + config.dataDir() + " is full ("
                            + config.budgetMegabytes() + " MB of alarms and events): refused "
                            + describe(entries.get(i))));
                } else {
                    promise.complete(result.result().get(i));
                }
            }
            flushIfIdle();
        });
    }

    private static String describe(JournalEntry entry) {
        return "a " + entry.recordClass().name().toLowerCase(Locale.ROOT) + " record of " + entry.body().length
                + " bytes for stream '" + entry.stream() + "'";
    }

    private record Pending(JournalEntry entry, Promise<Long> promise) {
    }
}
