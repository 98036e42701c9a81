package org.classbox.sim.serial;

import java.util.Set;
import java.util.function.LongSupplier;
import org.classbox.drivers.escvp21.PowerStatus;

/**
 * The state of the simulated Epson projector: power with timed warm-up and cool-down, source, A/V mute, freeze, lamp
 * hours and the error code. Thread-safe: the bridge's event loop and the control API both change it.
 */
final class SimulatedProjector {
    /** The sources this model has: Computer1 and 2 (with variants), HDMI1 and 2, video, S-video, USB, LAN. */
    static final Set<String> SOURCES = Set.of("10", "11", "14", "1F", "20", "21", "24", "2F", "30", "A0", "41",
            "42", "52", "53");

    private final SerialProjectorSimConfig config;
    private final LongSupplier clock;
    private PowerStatus power = PowerStatus.STANDBY;
    private long transitionEnds;
    private String source = "30";
    private boolean mute;
    private boolean freeze;
    private String error = "00";

    SimulatedProjector(SerialProjectorSimConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
    }

    synchronized PowerStatus power() {
        long now = clock.getAsLong();
        if (power == PowerStatus.WARMING && now >= transitionEnds) {
            power = PowerStatus.ON;
        } else if (power == PowerStatus.COOLING && now >= transitionEnds) {
            power = PowerStatus.STANDBY;
        }
        return power;
    }

    /** Starts warming up; returns how long until it is on, or -1 when it cannot now (cooling down). */
    synchronized long powerOn() {
        PowerStatus now = power();
        switch (now) {
            case ON:
                return 0;
            case WARMING:
                return transitionEnds - clock.getAsLong();
            case COOLING:
                return -1;
            default:
                power = PowerStatus.WARMING;
                transitionEnds = clock.getAsLong() + config.warmupMillis();
                mute = false;
                freeze = false;
                return config.warmupMillis();
        }
    }

    /** Starts cooling down; false when it cannot now (warming up). */
    synchronized boolean powerOff() {
        PowerStatus now = power();
        if (now == PowerStatus.WARMING) {
            return false;
        }
        if (now == PowerStatus.ON) {
            power = PowerStatus.COOLING;
            transitionEnds = clock.getAsLong() + config.cooldownMillis();
        }
        return true;
    }

    /** The lamp blows: the projector shuts itself down into abnormal standby and reports lamp error 06. */
    synchronized void failLamp() {
        power = PowerStatus.ABNORMAL_STANDBY;
        error = "06";
    }

    synchronized String source() {
        return source;
    }

    synchronized boolean source(String code) {
        if (!SOURCES.contains(code)) {
            return false;
        }
        source = code;
        return true;
    }

    synchronized boolean mute() {
        return mute;
    }

    synchronized void mute(boolean on) {
        mute = on;
    }

    synchronized boolean freeze() {
        return freeze;
    }

    synchronized void freeze(boolean on) {
        freeze = on;
    }

    synchronized String error() {
        return error;
    }

    long lampHours() {
        return config.lampHours();
    }

    String serial() {
        return config.serial();
    }
}
