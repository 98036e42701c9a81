package org.classbox.agent.uplink;

import java.util.Random;

/**
 * Exponential backoff with full jitter: the n-th delay is uniform in [0, min(cap, base * 2^n)], so thousands of
 * boxes coming back after a regional outage do not reconnect in lock step.
 */
public final class Backoff {
    private final long baseMillis;
    private final long capMillis;
    private final Random random;
    private int attempt;

    public Backoff(long baseMillis, long capMillis, Random random) {
        if (baseMillis <= 0 || capMillis < baseMillis) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, but was base=" + baseMillis
                    + " cap=" + capMillis);
        }
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
        this.random = random;
    }

    /** The delay before the next attempt; each call doubles the ceiling until the cap. */
    public long nextDelayMillis() {
        long ceiling = attempt >= 40 ? capMillis : Math.min(capMillis, baseMillis << attempt);
        attempt++;
        return Math.max(1, (long) (random.nextDouble() * ceiling));
    }

    public void reset() {
        attempt = 0;
    }
}
