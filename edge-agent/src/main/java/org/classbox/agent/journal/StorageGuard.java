package org.classbox.agent.journal;

import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's storage state: notices a full disk (below {@code journal.minFreeMegabytes}, or a write that failed
 * with ENOSPC) or a store H2 closed after a failed write, raises the journal's alarm, and brings the journal back by
 * itself (reopening H2 where needed) once space returns. Its methods run on the journal worker; the state may be read
 * from any thread.
 */
final class StorageGuard {
    private static final Logger log = LoggerFactory.getLogger(StorageGuard.class);

    /** Closes the journal's files and opens them again, replaying the log (on the worker). */
    interface Reopen {
        void reopen() throws Exception;
    }

    private final Path dataDir;
    private final StorageProbe probe;
    private final Function<JournalEntry, Future<Long>> append;
    private final Reopen reopen;
    private final Runnable countFull;
    private final List<Consumer<StorageState>> listeners = new CopyOnWriteArrayList<>();
    private volatile StorageState state = StorageState.OK;
    private volatile boolean needsReopen;
    /** When the disk filled, until the alarm saying so is stored; -1 when there is none to store. */
    private volatile long unstoredAlarmAt = -1;

    /**
     * @param append    appends the journal's own alarm records
     * @param reopen    reopens the journal's files after H2 closed them
     * @param countFull counts one more time the disk filled
     */
    StorageGuard(Path dataDir, StorageProbe probe, Function<JournalEntry, Future<Long>> append, Reopen reopen,
                 Runnable countFull) {
        this.dataDir = dataDir;
        this.probe = probe;
        this.append = append;
        this.reopen = reopen;
        this.countFull = countFull;
    }

    StorageState state() {
        return state;
    }

    void onChange(Consumer<StorageState> listener) {
        listeners.add(listener);
    }

    /**
     * Before a group commit: true when the disk is short of its reserve (only alarms may be taken); throws when the
     * journal cannot take anything until it recovers.
     */
    boolean beforeGroup(int appends) throws IOException {
        if (!probe.hasRoom()) {
            enter(StorageState.DISK_FULL, null);
            return true;
        }
        if (state == StorageState.DISK_FULL && !needsReopen) {
            // Above the reserve but not yet above it by the hysteresis: still only alarms.
            return true;
        }
        if (state != StorageState.OK) {
            throw new JournalException(state == StorageState.DISK_FULL ? JournalException.Kind.DISK_FULL
                    : JournalException.Kind.IO, "journal in " + dataDir + " is " + state + " and waits to recover: refused "
                    + appends + " appends", null);
        }
        return false;
    }

    /** After a failed write: a full disk or a store H2 closed changes the state. */
    void failed(Throwable failure, boolean h2Answers) {
        boolean full = JournalException.kindOf(failure) == JournalException.Kind.DISK_FULL;
        try {
            full |= probe.nearlyFull();
        } catch (IOException e) {
            // the failure itself is what gets reported
        }
        // H2 closes its store after a failed write, sometimes only at the next statement: after a full disk hurt H2,
        // reopen it whether or not it still answers now.
        boolean h2Hurt = !h2Answers || (full && causedByH2(failure));
        if (full || !h2Answers) {
            enter(full ? StorageState.DISK_FULL : StorageState.FAILED, h2Hurt ? failure : null);
        }
    }

    /** Every few seconds while not OK: back to OK once space is back (and H2 reopened, if it was closed). */
    void check() throws Exception {
        if (state == StorageState.OK || (state == StorageState.DISK_FULL && !probe.roomReturned())) {
            return;
        }
        if (needsReopen) {
            reopen.reopen();
            needsReopen = false;
            log.info("journal in {} reopened after a failure", dataDir);
        }
        StorageState was = state;
        state = StorageState.OK;
        log.info("journal in {}: storage is back ({} bytes usable)", dataDir, usable());
        if (was == StorageState.DISK_FULL) {
            long at = unstoredAlarmAt;
            if (at >= 0) {
                append.apply(StorageAlarm.entry(true, at));
                unstoredAlarmAt = -1;
            }
            append.apply(StorageAlarm.entry(false, System.currentTimeMillis()));
        }
        listeners.forEach(listener -> listener.accept(StorageState.OK));
    }

    private void enter(StorageState next, Throwable closedBy) {
        if (closedBy != null) {
            needsReopen = true;
        }
        if (state == next) {
            return;
        }
        state = next;
        if (next == StorageState.DISK_FULL) {
            countFull.run();
            log.warn("journal in {}: the disk is full ({} bytes usable, {} bytes kept free): only alarms are taken until"
                    + " space returns", dataDir, usable(), probe.minFreeBytes());
            long at = System.currentTimeMillis();
            unstoredAlarmAt = at;
            if (!needsReopen) {
                append.apply(StorageAlarm.entry(true, at)).onSuccess(v -> unstoredAlarmAt = -1);
            }
        } else if (next == StorageState.FAILED) {
            log.error("journal in {} failed and is reopened every {} ms until it works: {}", dataDir,
                    Journal.STORAGE_CHECK_MILLIS, closedBy);
        }
        listeners.forEach(listener -> listener.accept(next));
    }

    private long usable() {
        try {
            return probe.usable();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean causedByH2(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
