package org.classbox.console.config;

import java.util.Objects;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;
import org.classbox.tls.TlsConfig;

/**
 * The console's broker connection. The session is persistent (clean start off, {@code sessionExpirySeconds}), so
 * messages published while the console restarts wait for it at the broker.
 *
 * @param uri                  {@code ssl://host:port}, or {@code tcp://host:port} with {@code mqtt.allowPlaintext}
 * @param hostId               Sparkplug host id: the STATE topic, the MQTT client id and the CN of the console's
 *                             certificate (the broker's ACL lets that identity read everything and send commands)
 * @param groupFilter          which Sparkplug groups to follow ({@code +} for all)
 * @param receiveMaximum       messages the broker may send before the console acknowledges them: the bound of the
 *                             console's ingest queue
 * @param maxPacketBytes       the broker drops larger messages for the console (and the console drops larger
 *                             payloads it gets anyway)
 * @param tls                  CA, client certificate and login ({@code mqtt.caFile}, ...): as the agent's, one rule
 */
public record MqttConfig(String uri, String hostId, int keepAliveSeconds, int sessionExpirySeconds,
                         String groupFilter, int receiveMaximum, int maxPacketBytes, TlsConfig tls) {
    public MqttConfig {
        Check.that(uri != null && uri.matches("(ssl|tcp)://[^:/]+:\\d{1,5}"), "mqtt.uri",
                "must look like ssl://host:port or tcp://host:port, but was '" + uri + "'");
        Objects.requireNonNull(tls, "tls");
        tls.checkBrokerUri("mqtt.uri", uri);
        Check.identifier("mqtt.hostId", hostId);
        Check.inRange("mqtt.keepAliveSeconds", keepAliveSeconds, 5, 3600);
        Check.inRange("mqtt.sessionExpirySeconds", sessionExpirySeconds, 0, 604_800);
        Check.that(groupFilter != null && (groupFilter.equals("+") || groupFilter.matches("[A-Za-z0-9_.-]{1,64}")),
                "mqtt.groupFilter", "must be + or a group id, but was '" + groupFilter + "'");
        Check.inRange("mqtt.receiveMaximum", receiveMaximum, 1, 65_535);
        Check.inRange("mqtt.maxPacketBytes", maxPacketBytes, 1024, 1024 * 1024);
    }

    static MqttConfig from(Settings s) {
        return new MqttConfig(s.string("mqtt.uri", "ssl://127.0.0.1:8883"), s.string("mqtt.hostId", "classbox-console"),
                s.integer("mqtt.keepAliveSeconds", 30), s.integer("mqtt.sessionExpirySeconds", 86_400),
                s.string("mqtt.groupFilter", "+"), s.integer("mqtt.receiveMaximum", 256),
                s.integer("mqtt.maxPacketBytes", 1024 * 1024), TlsConfig.from(s, "mqtt.", "mqtt."));
    }
}
