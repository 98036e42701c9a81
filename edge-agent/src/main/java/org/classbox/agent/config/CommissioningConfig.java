package org.classbox.agent.config;

import java.nio.file.Path;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * Where the provisioning CLI hands the agent its commissioning self-test reports.
 *
 * @param outboxDir  the folder watched ({@code commissioning.outboxDir}; empty: {@code <journal.dataDir>/outbox})
 * @param pollMillis how often it is looked at ({@code commissioning.pollMillis}, [100, 3600000])
 */
public record CommissioningConfig(Path outboxDir, int pollMillis) {
    public CommissioningConfig {
        Check.that(outboxDir != null && !outboxDir.toString().isBlank(), "commissioning.outboxDir",
                "must not be empty");
        Check.inRange("commissioning.pollMillis", pollMillis, 100, 3_600_000);
    }

    static CommissioningConfig from(Settings s, Path dataDir) {
        String dir = s.string("commissioning.outboxDir", "").trim();
        return new CommissioningConfig(dir.isEmpty() ? dataDir.resolve("outbox") : Path.of(dir),
                s.integer("commissioning.pollMillis", 5000));
    }
}
