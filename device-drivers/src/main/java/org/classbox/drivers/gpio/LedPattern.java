package org.classbox.drivers.gpio;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the status LED shows; the supervisor maps link state onto it. Ticks are {@link #TICK_MILLIS} apart. */
public enum LedPattern {
    OFF, STEADY, SLOW_BLINK, FAST_BLINK;

    /** 125 ms: fast blink toggles every tick (4 Hz), slow blink every 4 ticks (1 Hz). */
    public static final long TICK_MILLIS = 125;

    /** Whether the LED is lit at {@code tick}. */
    public boolean lit(long tick) {
        return switch (this) {
            case OFF -> false;
            case STEADY -> true;
            case SLOW_BLINK -> (tick / 4) % 2 == 0;
            case FAST_BLINK -> tick % 2 == 0;
        };
    }

    public boolean blinks() {
        return this == SLOW_BLINK || this == FAST_BLINK;
    }

    /** {@code off}, {@code steady}, {@code slow-blink}, {@code fast-blink}, as readings and commands spell it. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a command value, failing with the list of valid ones. */
    public static LedPattern parse(String text) {
        for (LedPattern pattern : values()) {
            if (pattern.text().equals(text)) {
                return pattern;
            }
        }
        throw new IllegalArgumentException("pattern must be one of " + names() + ", but was '" + text + "'");
    }

    public static String names() {
        return Arrays.stream(values()).map(LedPattern::text).collect(Collectors.joining(", "));
    }
}
