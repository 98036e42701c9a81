package org.classbox.sparkplug;

/** Sparkplug B message types; {@code STATE} is the primary host application's own topic. */
public enum MessageType {
    NBIRTH, NDEATH, NDATA, NCMD, DBIRTH, DDEATH, DDATA, DCMD, STATE;

    /** True for the types whose topic names a device below the edge node. */
    public boolean isDeviceLevel() {
        return this == DBIRTH || this == DDEATH || this == DDATA || this == DCMD;
    }
}
