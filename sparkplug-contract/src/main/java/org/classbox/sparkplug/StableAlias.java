package org.classbox.sparkplug;

import java.nio.charset.StandardCharsets;

/**
 * The alias classbox gives a metric: the 32-bit FNV-1a hash of {@code <device> NUL <metric name>} (device empty for
 * the node's own metrics). Stable across sessions, restarts and JVMs (unlike String.hashCode's contract), so a message
 * can be read with any later birth. Part of the wire contract: the agent and the fleet simulator both use it.
 */
public final class StableAlias {
    private StableAlias() {
    }

    public static long of(String device, String metric) {
        return fnv1a(device + '\0' + metric);
    }

    /** FNV-1a, 32 bits, of the text's UTF-8 bytes. */
    public static long fnv1a(String text) {
        int hash = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash & 0xffffffffL;
    }
}
