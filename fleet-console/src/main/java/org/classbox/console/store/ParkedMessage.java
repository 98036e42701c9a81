package org.classbox.console.store;

/** A device message of a box not yet born, kept as received: its topic and payload bytes. */
public record ParkedMessage(long seq, String topic, byte[] payload) {
}
