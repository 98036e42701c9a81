package org.classbox.sim.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * What a box journaled over a past span, generated lazily as it is drained (a day of one box is tens of thousands of
 * records; a thousand such boxes must not sit in memory): a fresh set of devices polled tick by tick over
 * {@code [from, to)}, each change a record with the next id of a range reserved for it beforehand.
 */
final class History {
    /** The most records one tick can give: three record classes for each of three devices, two lesson records. */
    private static final int MAX_PER_TICK = 11;

    private final BoxDevices devices;
    private final long to;
    private final long tickMillis;
    private final long reserved;
    private final long lastId;
    private long at;
    private long nextId;
    private final List<SimRecord> buffer = new ArrayList<>();

    History(long seed, long boxSeed, double scale, long from, long to, long tickMillis, long firstId) {
        this.devices = new BoxDevices(seed, scale, from, boxSeed);
        this.to = to;
        this.tickMillis = tickMillis;
        this.at = from;
        this.nextId = firstId;
        this.reserved = Math.max(0, (to - from) / tickMillis + 1) * MAX_PER_TICK;
        this.lastId = firstId + reserved - 1;
    }

    long reservedIds() {
        return reserved;
    }

    long remainingBound() {
        return lastId - nextId + 1 + buffer.size();
    }

    boolean done() {
        return at >= to && buffer.isEmpty();
    }

    List<SimRecord> next(int max) {
        while (buffer.size() < max && at < to) {
            for (BoxDevices.Change change : devices.tick(at, false)) {
                buffer.add(new SimRecord(nextId++, change.device(), change.recordClass(), at, change.metrics()));
            }
            at += tickMillis;
        }
        List<SimRecord> taken = new ArrayList<>(buffer.subList(0, Math.min(max, buffer.size())));
        buffer.subList(0, taken.size()).clear();
        return taken;
    }
}
