package org.classbox.sim.fleet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classbox.agent.journal.RecordClass;

/**
 * A simulated box's journal, in memory: record ids increasing within one epoch, records journaled during the current
 * session ({@link #takeFresh}: sent live) apart from those journaled before it ({@link #takeBacklog}: sent as
 * historical, oldest first), and optionally a long generated history behind the backlog. A record leaves only once
 * the broker acknowledged its DDATA; one whose send failed comes back as backlog. Used on the box's context only.
 */
final class BoxJournal {
    private final long epoch;
    private final long seed;
    private Deque<SimRecord> fresh = new ArrayDeque<>();
    private List<SimRecord> backlog = new ArrayList<>();
    private int backlogNext;
    private History history;
    private long nextId = 1;
    private int histories;

    BoxJournal(long seed) {
        this.seed = seed;
        this.epoch = 1_700_000_000_000L + Math.floorMod(seed, 100_000_000L);
    }

    long epoch() {
        return epoch;
    }

    /** The newest id handed out (or reserved for history): what births say their values reflect. */
    long lastId() {
        return nextId - 1;
    }

    void append(BoxDevices.Change change, long now) {
        fresh.add(new SimRecord(nextId++, change.device(), change.recordClass(), now, change.metrics()));
    }

    /**
     * Adds {@code [from, to)} of generated history behind the backlog, with ids reserved below every later record, so
     * history never reads as newer than the state the box reports after it.
     */
    void addHistory(long from, long to, long tickMillis, double scale) {
        history = new History(seed * 31 + ++histories, seed, scale, from, to, tickMillis, nextId);
        nextId += history.reservedIds();
    }

    /** A new session began: everything not yet sent is backlog now. */
    void sessionStarted() {
        List<SimRecord> all = new ArrayList<>(backlog.subList(backlogNext, backlog.size()));
        all.addAll(fresh);
        all.sort(Comparator.comparingLong(SimRecord::id));
        backlog = all;
        backlogNext = 0;
        fresh = new ArrayDeque<>();
    }

    /** Records whose DDATA failed: sent again as backlog in the next session. */
    void returned(List<SimRecord> records) {
        backlog.addAll(records);
    }

    List<SimRecord> takeFresh() {
        List<SimRecord> taken = new ArrayList<>(fresh);
        fresh.clear();
        return taken;
    }

    /** Up to {@code max} backlog records, oldest first, then history. */
    List<SimRecord> takeBacklog(int max) {
        List<SimRecord> taken = new ArrayList<>();
        while (taken.size() < max && backlogNext < backlog.size()) {
            taken.add(backlog.get(backlogNext++));
        }
        if (backlogNext == backlog.size() && backlogNext > 0) {
            backlog = new ArrayList<>();
            backlogNext = 0;
        }
        if (taken.size() < max && history != null) {
            taken.addAll(history.next(max - taken.size()));
            if (history.done()) {
                history = null;
            }
        }
        return taken;
    }

    /** Records waiting at a birth (history counts as the ids it reserved: an upper bound). */
    long backlogSize() {
        return backlog.size() - backlogNext + fresh.size() + (history == null ? 0 : history.remainingBound());
    }

    /** Packs records into DDATA groups, one per device and class, in the order each first appears. */
    static List<List<SimRecord>> pack(List<SimRecord> records) {
        record Key(String device, RecordClass recordClass) {
        }
        Map<Key, List<SimRecord>> groups = new LinkedHashMap<>();
        records.forEach(r -> groups.computeIfAbsent(new Key(r.device(), r.recordClass()), k -> new ArrayList<>())
                .add(r));
        return new ArrayList<>(groups.values());
    }
}
