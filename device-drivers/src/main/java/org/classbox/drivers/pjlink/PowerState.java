package org.classbox.drivers.pjlink;

/** Projector power as PJLink reports it: POWR 0, 1, 2, 3. */
public enum PowerState {
    OFF, ON, COOLING, WARMING, UNKNOWN;

    /** The PJLink code, or -1 for UNKNOWN. */
    public int code() {
        return this == UNKNOWN ? -1 : ordinal();
    }
}
