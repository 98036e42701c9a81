package org.classbox.sim.projector;

import java.util.Arrays;
import java.util.function.LongSupplier;
import org.classbox.drivers.pjlink.ErrorLevel;
import org.classbox.drivers.pjlink.ErrorPart;
import org.classbox.drivers.pjlink.PowerState;

/**
 * The simulated projector's state: power with warm-up and cool-down phases computed from the clock, input, lamp
 * hours that accumulate while the lamp is lit, and the six ERST parts. Thread-safe.
 */
final class ProjectorState {
    private final ProjectorSimConfig config;
    private final LongSupplier clock;
    private boolean poweredOn;
    private long switchedAt = Long.MIN_VALUE / 2;
    private String input = "31";
    private long lampMillis;
    private long litSince = -1;
    private final ErrorLevel[] errors = new ErrorLevel[ErrorPart.values().length];

    ProjectorState(ProjectorSimConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.lampMillis = config.lampHours() * config.millisPerLampHour();
        Arrays.fill(errors, ErrorLevel.OK);
    }

    synchronized void power(boolean on) {
        if (on == poweredOn) {
            return;
        }
        long now = clock.getAsLong();
        if (on) {
            litSince = now;
        } else if (litSince >= 0) {
            lampMillis += now - litSince;
            litSince = -1;
        }
        poweredOn = on;
        switchedAt = now;
    }

    synchronized PowerState power() {
        long since = clock.getAsLong() - switchedAt;
        if (poweredOn) {
            return since < config.warmupMillis() ? PowerState.WARMING : PowerState.ON;
        }
        return since < config.cooldownMillis() ? PowerState.COOLING : PowerState.OFF;
    }

    synchronized void input(String code) {
        input = code;
    }

    synchronized String input() {
        return input;
    }

    synchronized long lampHours() {
        long millis = lampMillis + (litSince >= 0 ? clock.getAsLong() - litSince : 0);
        return millis / config.millisPerLampHour();
    }

    synchronized boolean lampLit() {
        return poweredOn;
    }

    synchronized void lampHours(long hours) {
        lampMillis = hours * config.millisPerLampHour();
        if (litSince >= 0) {
            litSince = clock.getAsLong();
        }
    }

    synchronized void error(ErrorPart part, ErrorLevel level) {
        errors[part.ordinal()] = level;
    }

    synchronized String errorDigits() {
        StringBuilder digits = new StringBuilder(errors.length);
        for (ErrorLevel level : errors) {
            digits.append(level.ordinal());
        }
        return digits.toString();
    }
}
