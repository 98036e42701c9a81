package org.classbox.agent.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * How the box reaches the broker. Defaults are sized for a GEO satellite link: 600 ms round trips make short
 * keepalives and connect timeouts fail spuriously, and outages of minutes call for a capped backoff.
 *
 * @param brokerUri           {@code ssl://host:port}, or {@code tcp://host:port} where plaintext is allowed
 * @param keepAliveSeconds    MQTT keepalive
 * @param connectTimeoutSeconds how long one connect attempt may take
 * @param reconnectMinMillis  first backoff step after a lost connection
 * @param reconnectMaxMillis  backoff cap
 * @param batchSize           journal records per DDATA message when draining a backlog
 * @param maxInFlight         DDATA messages published and not yet acknowledged
 * @param primaryHostId       Sparkplug primary host whose STATE gates sending; empty for none
 */
public record UplinkConfig(String brokerUri, int keepAliveSeconds, int connectTimeoutSeconds, int reconnectMinMillis,
                           int reconnectMaxMillis, int batchSize, int maxInFlight, String primaryHostId) {
    public UplinkConfig {
        Check.that(brokerUri != null && brokerUri.matches("(tcp|ssl)://[^:/]+:\\d{1,5}"), "uplink.brokerUri",
                "must look like ssl://host:port (or tcp://host:port), but was '" + brokerUri + "'");
        Check.inRange("uplink.keepAliveSeconds", keepAliveSeconds, 5, 3600);
        Check.inRange("uplink.connectTimeoutSeconds", connectTimeoutSeconds, 2, 300);
        Check.inRange("uplink.reconnectMinMillis", reconnectMinMillis, 10, 600_000);
        Check.inRange("uplink.reconnectMaxMillis", reconnectMaxMillis, reconnectMinMillis, 3_600_000);
        Check.inRange("uplink.batchSize", batchSize, 1, 10_000);
        Check.inRange("uplink.maxInFlight", maxInFlight, 1, 1000);
        Check.that(primaryHostId != null && (primaryHostId.isEmpty() || primaryHostId.matches("[A-Za-z0-9_.-]{1,64}")),
                "uplink.primaryHostId", "must be empty or 1-64 letters, digits, '_', '.', '-', but was '"
                        + primaryHostId + "'");
    }

    static UplinkConfig from(Settings s) {
        return new UplinkConfig(
                s.string("uplink.brokerUri", "ssl://127.0.0.1:8883"),
                s.integer("uplink.keepAliveSeconds", 60),
                s.integer("uplink.connectTimeoutSeconds", 30),
                s.integer("uplink.reconnectMinMillis", 1000),
                s.integer("uplink.reconnectMaxMillis", 120_000),
                s.integer("uplink.batchSize", 200),
                s.integer("uplink.maxInFlight", 8),
                s.string("uplink.primaryHostId", "classbox-console"));
    }
}
