package org.classbox.console.config;

import java.util.Objects;
import org.classbox.settings.Settings;

/** The fleet console's whole configuration. */
public record ConsoleConfig(MqttConfig mqtt, HttpConfig http, StoreConfig store, AuthConfig auth,
                            CommandsConfig commands, IngestConfig ingest) {
    public ConsoleConfig {
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(ingest, "ingest");
    }

    /** Reads every key with its default, and rejects keys nothing reads. */
    public static ConsoleConfig from(Settings settings) {
        ConsoleConfig config = new ConsoleConfig(MqttConfig.from(settings), HttpConfig.from(settings),
                StoreConfig.from(settings), AuthConfig.from(settings), CommandsConfig.from(settings),
                IngestConfig.from(settings));
        settings.requireAllUsed();
        return config;
    }
}
