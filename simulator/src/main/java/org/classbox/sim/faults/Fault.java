package org.classbox.sim.faults;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ways every simulated device can be told to fail, as real ones do. Each simulator applies them in its own
 * protocol's terms; device-specific faults (a lost lamp, a lost lock) are its own control endpoints.
 */
public enum Fault {
    /** Answers as its protocol says. */
    NONE,
    /** Refuses connections (TCP) or drops requests (UDP). */
    REFUSE,
    /** Accepts and then never answers. */
    HANG,
    /** Answers with bytes its protocol does not allow. */
    GARBAGE,
    /** Rejects the password the box was given, as if it had been changed on the device. */
    WRONG_PASSWORD,
    /** Answers correctly, but only after {@link FaultSwitch#slowMillis()}. */
    SLOW;

    /** {@code hang}, {@code wrong-password}, ... as flags and the control API spell them. */
    public String flagName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a flag value, failing with the list of valid ones. */
    public static Fault parse(String text) {
        for (Fault fault : values()) {
            if (fault.flagName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return fault;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + text + "', expected one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Fault::flagName).collect(Collectors.joining(", "));
    }
}
