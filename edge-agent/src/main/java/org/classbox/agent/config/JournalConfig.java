package org.classbox.agent.config;

import java.nio.file.Path;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * Where and how the store-and-forward journal keeps records.
 *
 * @param dataDir        the agent's data directory; the journal is the H2 file {@code journal.mv.db} inside
 * @param maxBatch       appends committed together in one transaction (group commit)
 */
public record JournalConfig(Path dataDir, int maxBatch) {
    public JournalConfig {
        Check.that(dataDir != null && !dataDir.toString().isBlank(), "journal.dataDir", "must not be empty");
        Check.inRange("journal.maxBatch", maxBatch, 1, 10_000);
    }

    static JournalConfig from(Settings s) {
        return new JournalConfig(Path.of(s.string("journal.dataDir", "./data/agent")), s.integer("journal.maxBatch", 256));
    }
}
