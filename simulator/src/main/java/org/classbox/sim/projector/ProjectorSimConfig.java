package org.classbox.sim.projector;

import java.util.Objects;

/**
 * How the simulated projector behaves.
 *
 * @param port              TCP port on 127.0.0.1; 0 picks a free one
 * @param password          null for no authentication
 * @param warmupMillis      time from power on to ON (POWR 3 meanwhile)
 * @param cooldownMillis    time from power off to OFF (POWR 2 meanwhile)
 * @param lampHours         initial lamp hours, at most 99999 (the PJLink field's five digits; it stays there)
 * @param millisPerLampHour real milliseconds per lamp hour while on (3,600,000 is real time)
 * @param model             which projector it plays: a lamp or a laser model, unsupported commands
 */
public record ProjectorSimConfig(int port, String password, long warmupMillis, long cooldownMillis, long lampHours,
                                 long millisPerLampHour, ProjectorModel model) {
    public ProjectorSimConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("projector simulator port must be in [0, 65535], but was " + port);
        }
        if (warmupMillis < 0 || cooldownMillis < 0 || lampHours < 0 || millisPerLampHour < 1) {
            throw new IllegalArgumentException("projector simulator timings must not be negative and"
                    + " millisPerLampHour at least 1, but were " + this);
        }
        if (lampHours > ProjectorState.MAX_LAMP_HOURS) {
            throw new IllegalArgumentException("projector simulator lampHours must be in [0, 99999], but was "
                    + lampHours);
        }
        if (password != null && (password.isEmpty() || password.length() > 32)) {
            throw new IllegalArgumentException("projector simulator password must be null or 1-32 characters,"
                    + " but was " + password.length() + " characters");
        }
        Objects.requireNonNull(model, "model");
    }

    /** A lamp projector ({@link ProjectorModel#LAMP}). */
    public ProjectorSimConfig(int port, String password, long warmupMillis, long cooldownMillis, long lampHours,
                              long millisPerLampHour) {
        this(port, password, warmupMillis, cooldownMillis, lampHours, millisPerLampHour, ProjectorModel.LAMP);
    }

    /** A projector with no password, 1 s warm-up and cool-down, real-time lamp hours. */
    public static ProjectorSimConfig defaults(int port) {
        return new ProjectorSimConfig(port, null, 1000, 1000, 1200, 3_600_000);
    }

    /** The same projector, playing {@code model}. */
    public ProjectorSimConfig playing(ProjectorModel model) {
        return new ProjectorSimConfig(port, password, warmupMillis, cooldownMillis, lampHours, millisPerLampHour,
                model);
    }
}
