package org.classbox.agent.uplink.sparkplug;

/** The Sparkplug {@code seq}: 0 on NBIRTH, then +1 per message of the session, wrapping after 255. */
final class SequenceCounter {
    private long next;

    void reset() {
        next = 0;
    }

    long next() {
        long value = next;
        next = (next + 1) % 256;
        return value;
    }
}
