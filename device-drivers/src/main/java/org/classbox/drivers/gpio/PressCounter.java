package org.classbox.drivers.gpio;

/**
 * Counts presses of a push button from its raw level changes, ignoring contact bounce: a press counts when the
 * button goes down at least the debounce time after both the last counted press and the last release. The second
 * condition drops the short "press" a bouncing contact makes while being released. Thread-safe; pure (time is given).
 */
final class PressCounter {
    private final long debounceNanos;
    private long lastPress;
    private long lastRelease;
    private long presses;

    PressCounter(long debounceMillis) {
        this.debounceNanos = debounceMillis * 1_000_000;
        // far enough in the past that the first press counts, near enough that subtracting cannot overflow
        this.lastPress = Long.MIN_VALUE / 2;
        this.lastRelease = Long.MIN_VALUE / 2;
    }

    /** The button's level changed at {@code nanos}; true when this counted as a new press. */
    synchronized boolean changed(boolean down, long nanos) {
        if (!down) {
            lastRelease = nanos;
            return false;
        }
        if (nanos - lastPress < debounceNanos || nanos - lastRelease < debounceNanos) {
            return false;
        }
        lastPress = nanos;
        presses++;
        return true;
    }

    synchronized long presses() {
        return presses;
    }
}
