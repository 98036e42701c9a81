package org.classbox.console.config;

import java.nio.file.Path;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * The console's H2 database.
 *
 * @param dataDir              folder of the H2 file {@code console.mv.db}
 * @param offlineAfterSeconds  a box not heard from for this long is shown offline even without an NDEATH
 */
public record StoreConfig(Path dataDir, int offlineAfterSeconds) {
    public StoreConfig {
        Check.that(dataDir != null && !dataDir.toString().isBlank(), "store.dataDir", "must not be empty");
        Check.inRange("store.offlineAfterSeconds", offlineAfterSeconds, 10, 31_536_000);
    }

    static StoreConfig from(Settings s) {
        return new StoreConfig(Path.of(s.string("store.dataDir", "./data/console")),
                s.integer("store.offlineAfterSeconds", 86_400));
    }
}
