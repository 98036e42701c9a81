package org.classbox.console.sparkplug;

/** Why a message was dropped as malformed. Each is counted; the message is acknowledged, so it never comes back. */
public enum Malformation {
    /** Not a Sparkplug B topic, or a message type Sparkplug does not define. */
    TOPIC("topic"),
    /**
     * A group, box or device id that is not 1-64 of {@code [A-Za-z0-9_.-]}: no classbox box has such an id, and a
     * look-alike ({@code box-7 }, {@code box-7\u0000}) must not reach another box's rows.
     */
    FORGED_ID("forgedId"),
    /** Larger than {@code mqtt.maxPacketBytes}. */
    OVERSIZED("oversized"),
    /** Not a Sparkplug B payload (bad protobuf, a seq outside 0-255, a value that does not match its datatype). */
    PAYLOAD("payload"),
    /** An NBIRTH or NDEATH without its {@code bdSeq}: births and deaths cannot be matched without it. */
    NO_BD_SEQ("noBdSeq"),
    /** A metric whose datatype is not the one its birth declared for that name. */
    WRONG_TYPE("wrongType"),
    /** A {@code Journal/RecordId} that is not a non-negative whole number. */
    RECORD_ID("recordId"),
    /** A value the store cannot hold: wider than its column, or out of its range. */
    VALUE("value");

    private final String key;

    Malformation(String key) {
        this.key = key;
    }

    /** The name used in the API's counters. */
    public String key() {
        return key;
    }
}
