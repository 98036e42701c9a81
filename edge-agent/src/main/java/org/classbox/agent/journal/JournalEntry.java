package org.classbox.agent.journal;

import java.util.Objects;

/**
 * What a producer appends: a record class, the stream it belongs to (a device id such as {@code projector}), when it
 * was taken (epoch milliseconds) and an opaque body (for health: an encoded Sparkplug payload of the sample's
 * metrics).
 */
public record JournalEntry(RecordClass recordClass, String stream, long takenAt, byte[] body) {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final int MAX_STREAM_CHARS = 64;

    public JournalEntry {
        Objects.requireNonNull(recordClass, "recordClass");
        Objects.requireNonNull(body, "body");
        if (stream == null || stream.isEmpty() || stream.length() > MAX_STREAM_CHARS) {
            throw new IllegalArgumentException("journal stream must be 1-" + MAX_STREAM_CHARS
                    + " characters, but was '" + stream + "'");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("journal record body for stream '" + stream + "' is " + body.length
                    + " bytes, more than the limit of " + MAX_BODY_BYTES);
        }
    }
}
