package org.classbox.console.config;

import java.nio.file.Path;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * The console's database: an H2 file in {@code dataDir} (the default, one console), or a PostgreSQL server shared by
 * several consoles ({@code url}). Both hold the same schema and run the same SQL.
 *
 * @param dataDir              folder of the H2 file {@code console.mv.db} (unused with a PostgreSQL {@code url})
 * @param offlineAfterSeconds  a box not heard from for this long is shown offline even without an NDEATH
 * @param url                  empty for the H2 file, or {@code jdbc:postgresql://host[:port]/database}
 * @param login                the PostgreSQL user and password
 * @param readConnections      connections (and worker threads) answering the operators' reads, beside the one
 *                             connection that writes: reads never wait for ingest
 */
public record StoreConfig(Path dataDir, int offlineAfterSeconds, String url, DatabaseLogin login,
                          int readConnections) {
    /** The only server scheme the console speaks besides its own H2 file. */
    public static final String POSTGRESQL_PREFIX = "jdbc:postgresql://";

    public StoreConfig {
        Check.that(dataDir != null && !dataDir.toString().isBlank(), "store.dataDir", "must not be empty");
        Check.inRange("store.offlineAfterSeconds", offlineAfterSeconds, 10, 31_536_000);
        url = url == null ? "" : url.strip();
        // The query string may carry a password: the message shows what comes before it.
        Check.that(url.isEmpty() || url.matches("jdbc:postgresql://[^/?#]+/[^/?#]+(\\?.*)?"), "store.url",
                "must be empty (the H2 file in store.dataDir) or jdbc:postgresql://host[:port]/database, but was '"
                        + url.replaceAll("\\?.*", "?...") + "'");
        login = login == null ? DatabaseLogin.none() : login;
        Check.that(url.isEmpty() || !login.user().isEmpty(), "store.user",
                "must name the PostgreSQL role when store.url is set, but was empty");
        Check.inRange("store.readConnections", readConnections, 1, 32);
    }

    /** The H2 file in {@code dataDir}, with the default read connections. */
    public StoreConfig(Path dataDir, int offlineAfterSeconds) {
        this(dataDir, offlineAfterSeconds, "", DatabaseLogin.none(), 2);
    }

    public boolean postgresql() {
        return url.startsWith(POSTGRESQL_PREFIX);
    }

    /** Where the rows are, for messages: the H2 folder or the server and database, never a password. */
    public String where() {
        return postgresql() ? url.replaceAll("\\?.*", "") : dataDir.toAbsolutePath().toString();
    }

    static StoreConfig from(Settings s) {
        String passwordFile = s.string("store.passwordFile", "");
        return new StoreConfig(Path.of(s.string("store.dataDir", "./data/console")),
                s.integer("store.offlineAfterSeconds", 86_400), s.string("store.url", ""),
                new DatabaseLogin(s.string("store.user", ""), s.string("store.password", ""),
                        passwordFile.isBlank() ? null : Path.of(passwordFile)),
                s.integer("store.readConnections", 2));
    }
}
