package org.classbox.drivers.escvp21;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cuts the byte stream from a projector into replies: everything up to the {@code :} prompt is one reply. Pure and
 * not thread-safe; one per session. A reply longer than {@link EscVp21Codec#MAX_REPLY} without a prompt is a
 * PROTOCOL error, so a babbling device cannot grow our memory or keep us waiting past its own timeout.
 */
public final class ReplyFramer {
    private final String device;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public ReplyFramer(String device) {
        this.device = device;
    }

    /** Adds {@code count} bytes of {@code bytes}; returns the reply they complete (without the prompt), or null. */
    public String feed(byte[] bytes, int count) {
        pending.write(bytes, 0, count);
        byte[] all = pending.toByteArray();
        for (int i = 0; i < all.length; i++) {
            if (all[i] == EscVp21Codec.PROMPT) {
                if (i > EscVp21Codec.MAX_REPLY) {
                    break;
                }
                pending.reset();
                pending.write(all, i + 1, all.length - i - 1);
                return new String(all, 0, i, StandardCharsets.ISO_8859_1);
            }
        }
        if (all.length > EscVp21Codec.MAX_REPLY) {
            pending.reset();
            throw EscVp21Codec.protocol(device, "sent " + all.length + " bytes without the ':' prompt (limit "
                    + EscVp21Codec.MAX_REPLY + "), starting '" + EscVp21Codec.printable(text(all)) + "'");
        }
        return null;
    }

    /** What arrived since the last prompt, for a timeout's message. */
    public String partial() {
        return text(pending.toByteArray());
    }

    /** Forgets what arrived since the last prompt (stray bytes before a new request). */
    public void clear() {
        pending.reset();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
