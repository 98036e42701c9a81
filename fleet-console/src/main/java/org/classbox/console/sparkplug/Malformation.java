package org.classbox.console.sparkplug;

/** Why a message was dropped as malformed. Each is counted; the message is acknowledged, so it never comes back. */
public enum Malformation {
    /** Not a Sparkplug B topic, or a message type Sparkplug does not define. */
    TOPIC("topic"),
    /** Larger than {@code mqtt.maxPacketBytes}. */
    OVERSIZED("oversized"),
    /** Not a Sparkplug B payload, or one that lacks what its type requires (a birth without bdSeq). */
    PAYLOAD("payload"),
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
