package org.classbox.sim.serial;

/**
 * How the simulated RS-232 projector behaves.
 *
 * @param port           TCP port of its serial bridge on 127.0.0.1; 0 picks a free one
 * @param warmupMillis   from PWR ON to on; the prompt after PWR ON comes only then, as Epson documents
 * @param cooldownMillis from PWR OFF to standby
 * @param lampHours      what LAMP? answers, at most 999999
 * @param serial         what SNO? answers
 */
public record SerialProjectorSimConfig(int port, long warmupMillis, long cooldownMillis, long lampHours,
                                       String serial) {
    public SerialProjectorSimConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], but was " + port);
        }
        if (warmupMillis < 0 || warmupMillis > 600_000) {
            throw new IllegalArgumentException("warmupMillis must be in [0, 600000], but was " + warmupMillis);
        }
        if (cooldownMillis < 0 || cooldownMillis > 600_000) {
            throw new IllegalArgumentException("cooldownMillis must be in [0, 600000], but was " + cooldownMillis);
        }
        if (lampHours < 0 || lampHours > 999_999) {
            throw new IllegalArgumentException("lampHours must be in [0, 999999], but was " + lampHours);
        }
        if (serial == null || !serial.matches("[\\x21-\\x7E]{1,32}")) {
            throw new IllegalArgumentException("serial must be 1-32 visible ASCII characters, but was '" + serial
                    + "'");
        }
    }

    /** A projector with a 1 s warm-up and cool-down, 1200 lamp hours. */
    public static SerialProjectorSimConfig defaults(int port) {
        return new SerialProjectorSimConfig(port, 1000, 1000, 1200, "X4SIM0000001");
    }
}
