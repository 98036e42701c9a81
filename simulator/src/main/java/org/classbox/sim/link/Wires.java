package org.classbox.sim.link;

/** The two directions of a link; every connection through the link shares them. */
record Wires(Wire up, Wire down) {
    static Wires of(LinkProfile profile) {
        return new Wires(new Wire(profile.uplinkBitsPerSecond()), new Wire(profile.downlinkBitsPerSecond()));
    }

    void clear() {
        up.clear();
        down.clear();
    }
}
