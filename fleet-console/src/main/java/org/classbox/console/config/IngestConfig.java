package org.classbox.console.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * How the console follows each box's Sparkplug {@code seq}.
 *
 * @param reorderTimeoutMillis how long a skipped {@code seq} may stay missing before it counts as a gap and the box
 *                             is asked for a rebirth (Sparkplug 3.0's reorder timeout): a box sends a message the
 *                             broker refused again about a second later with its number
 */
public record IngestConfig(int reorderTimeoutMillis) {
    public IngestConfig {
        Check.inRange("ingest.reorderTimeoutMillis", reorderTimeoutMillis, 100, 600_000);
    }

    static IngestConfig from(Settings s) {
        return new IngestConfig(s.integer("ingest.reorderTimeoutMillis", 10_000));
    }
}
