package org.classbox.sim.faults;

/**
 * The fault a simulator plays now, switchable at any time from flags, tests or {@link ControlServer}; read by the
 * simulator's protocol handlers on each request. Thread-safe.
 */
public final class FaultSwitch {
    private volatile Fault fault = Fault.NONE;
    private volatile long slowMillis = 3000;

    public Fault fault() {
        return fault;
    }

    public FaultSwitch set(Fault fault) {
        this.fault = fault;
        return this;
    }

    /** How long {@link Fault#SLOW} waits before each answer. */
    public long slowMillis() {
        return slowMillis;
    }

    public FaultSwitch slowMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("slowMillis must be >= 0, got " + millis);
        }
        this.slowMillis = millis;
        return this;
    }

    public boolean is(Fault candidate) {
        return fault == candidate;
    }
}
