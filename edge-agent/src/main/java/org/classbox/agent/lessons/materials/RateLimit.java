package org.classbox.agent.lessons.materials;

/**
 * Paces downloads to {@code materials.maxKilobitsPerSecond}: each chunk received books its share of the link, and
 * the caller pauses reading for as long as the bookings run ahead of the clock (beyond a short burst). TCP's flow
 * control then slows the sender, so the cap holds on the satellite hop. Used on one event loop.
 */
final class RateLimit {
    private static final long BURST_NANOS = 100_000_000L;
    private final long bytesPerSecond;
    private long bookedUntil;

    /** @param bytesPerSecond 0 for no cap */
    RateLimit(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Books {@code bytes}; returns how many milliseconds to pause reading (0: read on). */
    long take(long bytes) {
        if (bytesPerSecond == 0) {
            return 0;
        }
        long now = System.nanoTime();
        bookedUntil = Math.max(bookedUntil, now - BURST_NANOS) + bytes * 1_000_000_000L / bytesPerSecond;
        long ahead = bookedUntil - now;
        return ahead > 0 ? Math.max(1, ahead / 1_000_000L) : 0;
    }
}
