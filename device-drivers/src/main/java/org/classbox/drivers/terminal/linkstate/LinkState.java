package org.classbox.drivers.terminal.linkstate;

/** How usable the satellite link is, as the {@code Link/State} reading spells it. */
public enum LinkState {
    /** Probes get through within the thresholds and the terminal says it is connected. */
    UP,
    /** Probes get through, but too slowly or with too much loss, for K polls in a row. */
    DEGRADED,
    /** No probe gets through, or the terminal reports no lock / not connected. */
    DOWN
}
