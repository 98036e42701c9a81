package org.classbox.sim.link;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One direction of the link, shared by every connection: bytes take turns on it at the direction's bandwidth, so two
 * connections sending at once each get about half. Counts the bytes delivered. Thread-safe: connections may live on
 * different event loops.
 */
final class Wire {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long bitsPerSecond;
    private final AtomicLong delivered = new AtomicLong();
    private long freeAtNanos = Long.MIN_VALUE;

    Wire(long bitsPerSecond) {
        this.bitsPerSecond = bitsPerSecond;
    }

    /** Reserves the wire for {@code bytes} offered at {@code nowNanos}; returns when their last bit is on it. */
    synchronized long reserve(long nowNanos, int bytes) {
        if (bitsPerSecond == 0) {
            return nowNanos;
        }
        long start = freeAtNanos == Long.MIN_VALUE ? nowNanos : Math.max(nowNanos, freeAtNanos);
        // Never overflows: a Vert.x read is at most a few MiB, and 2^23 bytes * 8 * 10^9 < 2^63.
        freeAtNanos = start + (bytes * 8L * NANOS_PER_SECOND + bitsPerSecond - 1) / bitsPerSecond;
        return freeAtNanos;
    }

    /** Forgets the backlog: after an outage nothing queued before it is still in flight. */
    synchronized void clear() {
        freeAtNanos = Long.MIN_VALUE;
    }

    void countDelivered(int bytes) {
        delivered.addAndGet(bytes);
    }

    long bytesDelivered() {
        return delivered.get();
    }
}
