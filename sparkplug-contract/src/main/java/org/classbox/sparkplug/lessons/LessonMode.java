package org.classbox.sparkplug.lessons;

import java.util.Locale;

/**
 * How a lesson's delay behind live is managed: {@code interactive} starts near the live edge and grows only as far as
 * outages require; {@code broadcast} keeps a fixed delay.
 */
public enum LessonMode {
    INTERACTIVE, BROADCAST;

    /** The word used in the schedule JSON. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
