package org.classbox.agent.journal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.classbox.agent.config.JournalConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 store-and-forward journal. {@link #append} completes only after the record is committed to the file;
 * appends that arrive while a commit is running are committed together in the next one (group commit), so many
 * producers share one write. Record ids increase and are never reused within an {@link #epoch()}.
 */
public final class Journal {
    static final String LOG_FILE = "journal.log";
    /** How often a journal that is not {@link StorageState#OK} checks whether it can work again. */
    static final long STORAGE_CHECK_MILLIS = 2_000;
    private static final Logger logger = LoggerFactory.getLogger(Journal.class);

    /**
     * Meta key of the bytes stored, kept in the same transaction as every change to the records, so that a start
     * never sums a million bodies (seconds) to learn it.
     */
    static final String STORED_BYTES = "storedBytes";

    /** H2 answers this from the primary index's row count (a "direct lookup"), not by reading rows. */
    static final String COUNT_ROWS = "SELECT COUNT(*) FROM records";

    private final Vertx vertx;
    private final JournalConfig config;
    private final JournalStore store;
    private final GroupCommit group;
    private WorkerExecutor worker;
    private long storageTimer = -1;
    private StorageGuard storage;

    public Journal(Vertx vertx, JournalConfig config) {
        this(vertx, config, System::currentTimeMillis);
    }

    /** @param clock epoch milliseconds; records are judged against their class's time-to-live by it */
    public Journal(Vertx vertx, JournalConfig config, LongSupplier clock) {
        this.vertx = vertx;
        this.config = config;
        this.store = new JournalStore(config, clock);
        this.group = new GroupCommit(config, store::insert, this::blocking);
    }

    public Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("journal", 1);
        return this.<Void>blocking(() -> {
            StorageProbe probe = new StorageProbe(JournalFile.ensureDir(config.dataDir()), config.minFreeBytes());
            storage = new StorageGuard(config.dataDir(), probe, this::append, () -> {
                store.close();
                store.open();
            }, store::countStorageFull);
            store.guardedBy(storage);
            store.open();
            return null;
        }).onSuccess(v -> storageTimer = vertx.setPeriodic(STORAGE_CHECK_MILLIS, id -> checkStorage()));
    }

    public Future<Void> stop() {
        if (worker == null) {
            return Future.succeededFuture();
        }
        if (storageTimer >= 0) {
            vertx.cancelTimer(storageTimer);
            storageTimer = -1;
        }
        Future<Void> closed = blocking(() -> {
            store.closeCleanly();
            return null;
        });
        return closed.eventually(() -> worker.close());
    }

    /**
     * Identifies this journal's incarnation: a journal started without its files gets a new one; after a corrupt H2
     * file the epoch lives on (in {@code journal.state}), so recovered records keep their identity.
     */
    public long epoch() {
        return store.epoch();
    }

    /** Records stored and not yet removed. */
    public long size() {
        return store.size();
    }

    /** Records dropped and appends refused per class since the journal was created. */
    public JournalCounters counters() {
        return store.counters();
    }

    /** Bytes the stored records take against {@code journal.budgetMegabytes}. */
    public Future<Long> storedBytes() {
        return blocking(store::storedBytes);
    }

    /**
     * Appends one entry; the future completes with its id once it is committed to the file (and forced to the
     * device under {@code journal.sync=fsync}), or fails with {@link JournalFullException} when only alarms and
     * events fill the budget.
     */
    public Future<Long> append(JournalEntry entry) {
        return group.append(entry);
    }

    /**
     * Up to {@code limit} records with ids above {@code afterId}, oldest first. Records past their class's
     * time-to-live are dropped (and counted) instead of returned.
     */
    public Future<List<JournalRecord>> readAfter(long afterId, int limit) {
        return readRange(afterId, Long.MAX_VALUE, limit, EnumSet.allOf(RecordClass.class));
    }

    /**
     * Up to {@code limit} records of the given classes with ids in ({@code afterId}, {@code upToId}], oldest first,
     * at a cost that does not grow with the records stored. Records past their class's time-to-live (samples stamped
     * before 2020 excepted) are dropped and counted instead of returned.
     */
    public Future<List<JournalRecord>> readRange(long afterId, long upToId, int limit, Set<RecordClass> classes) {
        if (classes.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return blocking(() -> store.read(afterId, upToId, limit, classes));
    }

    /** The highest id committed so far, read without waiting for the journal worker. */
    public long lastIdNow() {
        return store.lastIdSeen();
    }

    /** The highest id ever given; records above it at a session's start are that session's live data. */
    public Future<Long> lastId() {
        return blocking(store::lastId);
    }

    /** Removes acknowledged records; ids already gone are ignored. */
    public Future<Void> remove(List<Long> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture();
        }
        return blocking(() -> {
            store.remove(ids);
            return null;
        });
    }

    /**
     * The next Sparkplug birth/death sequence number (0-255). Its successor is forced to the device (the side file
     * {@code journal.state}) before it is returned, so a restarted agent never reuses the bdSeq of its previous
     * session's NDEATH, power cut or not.
     */
    public Future<Long> nextBdSeq() {
        return blocking(store::takeBdSeq);
    }

    /** Whether the journal takes appends now. */
    public StorageState storageState() {
        return storage == null ? StorageState.OK : storage.state();
    }

    /** Calls {@code listener} on the caller's context whenever the storage state changes; call after start. */
    public void onStorageState(Consumer<StorageState> listener) {
        if (storage == null) {
            throw new IllegalStateException("journal in " + config.dataDir() + ": onStorageState before start()");
        }
        io.vertx.core.Context context = vertx.getOrCreateContext();
        storage.onChange(state -> context.runOnContext(v -> listener.accept(state)));
    }

    /** Makes the journal's I/O fail where {@code faults} says (tests only). */
    void injectFaults(Faults faults) {
        store.injectFaults(faults);
    }

    /** Every few seconds while not OK: lets the guard see whether the journal can work again. */
    private void checkStorage() {
        if (storage.state() != StorageState.OK) {
            this.<Void>blocking(() -> {
                storage.check();
                return null;
            }).onFailure(e -> logger.warn("journal in {} still cannot be reopened: {}", config.dataDir(),
                    e.getMessage()));
        }
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return worker.executeBlocking(work, true);
    }
}
