package org.classbox.console.fleet;

import java.util.Locale;

/**
 * A box's status in the fleet views, worst first: offline (not online, or silent for longer than
 * {@code store.offlineAfterSeconds}), degraded (online with an active alarm or a {@code Link/State} of DEGRADED),
 * online. {@link #rank()} is the order the SQL computes and sorts by.
 */
public enum Status {
    OFFLINE, DEGRADED, ONLINE;

    /** The rank the fleet SQL gives this status: 0 (offline), 1, 2. */
    int rank() {
        return ordinal();
    }

    static Status ofRank(int rank) {
        return values()[rank];
    }

    /** The status of a box that is (or not) {@code up}, with that many active alarms and its link degraded or not. */
    static Status of(boolean up, int activeAlarms, boolean linkDegraded) {
        return !up ? OFFLINE : activeAlarms > 0 || linkDegraded ? DEGRADED : ONLINE;
    }

    /** The status named in a query ({@code online}, {@code offline}, {@code degraded}), or null for another text. */
    public static Status parse(String text) {
        for (Status status : values()) {
            if (status.json().equals(text)) {
                return status;
            }
        }
        return null;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
