package org.classbox.sim.projector;

/** Ways the simulated projector can be told to fail, as real ones do. */
public enum Misbehaviour {
    /** Answers as the spec says. */
    NONE,
    /** Accepts connections and greets, then never answers. */
    SILENT,
    /** Answers with bytes that are not PJLink. */
    GARBAGE
}
