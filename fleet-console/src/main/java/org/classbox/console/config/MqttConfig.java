package org.classbox.console.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * The console's broker connection. The session is persistent (clean start off, {@code sessionExpirySeconds}), so
 * messages published while the console restarts wait for it at the broker.
 *
 * @param uri                  {@code tcp://host:port}
 * @param hostId               Sparkplug host id: the STATE topic and the MQTT client id
 * @param groupFilter          which Sparkplug groups to follow ({@code +} for all)
 * @param receiveMaximum       messages the broker may send before the console acknowledges them: the bound of the
 *                             console's ingest queue
 * @param maxPacketBytes       the broker drops larger messages for the console (and the console drops larger
 *                             payloads it gets anyway)
 */
public record MqttConfig(String uri, String hostId, int keepAliveSeconds, int sessionExpirySeconds,
                         String groupFilter, int receiveMaximum, int maxPacketBytes) {
    public MqttConfig {
        Check.that(uri != null && uri.matches("tcp://[^:/]+:\\d{1,5}"), "mqtt.uri",
                "must look like tcp://host:port, but was '" + uri + "'");
        Check.identifier("mqtt.hostId", hostId);
        Check.inRange("mqtt.keepAliveSeconds", keepAliveSeconds, 5, 3600);
        Check.inRange("mqtt.sessionExpirySeconds", sessionExpirySeconds, 0, 604_800);
        Check.that(groupFilter != null && (groupFilter.equals("+") || groupFilter.matches("[A-Za-z0-9_.-]{1,64}")),
                "mqtt.groupFilter", "must be + or a group id, but was '" + groupFilter + "'");
        Check.inRange("mqtt.receiveMaximum", receiveMaximum, 1, 65_535);
        Check.inRange("mqtt.maxPacketBytes", maxPacketBytes, 1024, 1024 * 1024);
    }

    static MqttConfig from(Settings s) {
        return new MqttConfig(s.string("mqtt.uri", "tcp://127.0.0.1:1883"), s.string("mqtt.hostId", "classbox-console"),
                s.integer("mqtt.keepAliveSeconds", 30), s.integer("mqtt.sessionExpirySeconds", 86_400),
                s.string("mqtt.groupFilter", "+"), s.integer("mqtt.receiveMaximum", 256),
                s.integer("mqtt.maxPacketBytes", 1024 * 1024));
    }
}
