package org.classbox.agent.config;

import java.util.Objects;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/** The edge agent's whole configuration: one root, one record per concern. */
public record AgentConfig(IdentityConfig identity, UplinkConfig uplink, TlsConfig tls, BandwidthConfig bandwidth,
                          JournalConfig journal, ProjectorConfig projector) {
    public AgentConfig {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(bandwidth, "bandwidth");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(projector, "projector");
        if (uplink.brokerUri().startsWith("tcp://")) {
            Check.that(tls.allowPlaintext(), "uplink.brokerUri", "is plaintext (" + uplink.brokerUri() + ") but"
                    + " tls.allowPlaintext is false: use ssl://host:port with tls.caFile, or set tls.allowPlaintext=true");
        } else {
            Check.that(tls.caFile() != null, "tls.caFile", "must name the broker's CA (PEM) for " + uplink.brokerUri());
        }
    }

    /** Reads every key with its default, and rejects keys nothing reads. */
    public static AgentConfig from(Settings settings) {
        IdentityConfig identity = IdentityConfig.from(settings);
        UplinkConfig uplink = UplinkConfig.from(settings);
        TlsConfig tls = TlsConfig.from(settings);
        BandwidthConfig bandwidth = BandwidthConfig.from(settings);
        JournalConfig journal = JournalConfig.from(settings);
        ProjectorConfig projector = ProjectorConfig.from(settings);
        // A misspelt key explains more than the cross-key checks it would cause.
        settings.requireAllUsed();
        return new AgentConfig(identity, uplink, tls, bandwidth, journal, projector);
    }
}
