package org.classbox.console.config;

import java.util.Objects;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/** The fleet console's whole configuration. */
public record ConsoleConfig(MqttConfig mqtt, HttpConfig http, StoreConfig store, IngestConfig ingest,
                            CommandsConfig commands, AuthConfig auth, ClusterConfig cluster,
                            PkiConfig pki) {
    public ConsoleConfig {
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(pki, "pki");
        // Leases, births and rows only mean something in a database every instance shares: an H2 file is one
        // process's own. (StoreConfig allows no other store.url than PostgreSQL's.)
        Check.that(!cluster.enabled() || store.postgresql(), "cluster.enabled",
                "is true, so store.url must name the PostgreSQL database the instances share"
                        + " (jdbc:postgresql://host:port/db), but it is empty (the H2 file in store.dataDir)");
    }

    /** Reads every key with its default, and rejects keys nothing reads. */
    public static ConsoleConfig from(Settings settings) {
        MqttConfig mqtt = MqttConfig.from(settings);
        StoreConfig store = StoreConfig.from(settings);
        ConsoleConfig config = new ConsoleConfig(mqtt, HttpConfig.from(settings), store, IngestConfig.from(settings),
                CommandsConfig.from(settings), AuthConfig.from(settings), ClusterConfig.from(settings),
                PkiConfig.from(settings, store, mqtt));
        settings.requireAllUsed();
        return config;
    }
}
