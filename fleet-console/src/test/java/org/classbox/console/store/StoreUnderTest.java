package org.classbox.console.store;

import java.nio.file.Path;
import java.util.Map;
import org.classbox.console.config.DatabaseLogin;
import org.classbox.console.config.StoreConfig;
import org.classbox.testing.TestPostgres;

/**
 * The two databases the console stores in, for tests that run once on each ({@code @ParameterizedClass} with
 * {@code @EnumSource(StoreUnderTest.class)}): the H2 file in a test folder, or a fresh database of the local
 * PostgreSQL server ({@link TestPostgres}).
 */
public enum StoreUnderTest {
    H2,
    POSTGRESQL;

    /** A new empty place for a store; closing it removes it (the H2 folder goes with the test's own). */
    public Place open(Path dir) {
        if (this == H2) {
            return new Place(Map.of("store.dataDir", dir.toString()), null);
        }
        TestPostgres.Database database = TestPostgres.freshDatabase();
        return new Place(Map.of("store.dataDir", dir.toString(), "store.url", database.url(),
                "store.user", database.user(), "store.password", database.password()), database);
    }

    /** Where one test's store lives, as console settings and as a store configuration. */
    public static final class Place implements AutoCloseable {
        private final Map<String, String> settings;
        private final TestPostgres.Database database;

        private Place(Map<String, String> settings, TestPostgres.Database database) {
            this.settings = settings;
            this.database = database;
        }

        /** The {@code store.*} settings of a console on this store. */
        public Map<String, String> settings() {
            return settings;
        }

        public StoreConfig config(int offlineAfterSeconds) {
            return new StoreConfig(Path.of(settings.get("store.dataDir")), offlineAfterSeconds,
                    settings.getOrDefault("store.url", ""), database == null ? DatabaseLogin.none()
                    : new DatabaseLogin(database.user(), database.password(), null), 2);
        }

        @Override
        public void close() {
            if (database != null) {
                database.close();
            }
        }
    }
}
