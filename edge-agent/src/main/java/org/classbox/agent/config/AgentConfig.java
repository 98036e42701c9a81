package org.classbox.agent.config;

import java.util.Objects;
import org.classbox.settings.Settings;

/** The edge agent's whole configuration: one root, one record per concern. */
public record AgentConfig(IdentityConfig identity, UplinkConfig uplink, JournalConfig journal,
                          ProjectorConfig projector) {
    public AgentConfig {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(projector, "projector");
    }

    /** Reads every key with its default, and rejects keys nothing reads. */
    public static AgentConfig from(Settings settings) {
        AgentConfig config = new AgentConfig(IdentityConfig.from(settings), UplinkConfig.from(settings),
                JournalConfig.from(settings), ProjectorConfig.from(settings));
        settings.requireAllUsed();
        return config;
    }
}
