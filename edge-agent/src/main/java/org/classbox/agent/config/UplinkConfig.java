package org.classbox.agent.config;

import java.util.Locale;
import org.classbox.settings.Check;
import org.classbox.sparkplug.Compression;
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
 * @param maxInFlight         DDATA messages published and not yet acknowledged; capped at the broker's Receive
 *                            Maximum (from its CONNACK) less one, which is kept for births and usage reports
 * @param primaryHostId       Sparkplug primary host whose STATE gates sending; empty for none
 * @param historicalCompression how backlog (historical) DDATA payloads are compressed; null sends them plain. Live
 *                            data is never compressed, so any Sparkplug host reads it
 */
public record UplinkConfig(String brokerUri, int keepAliveSeconds, int connectTimeoutSeconds, int reconnectMinMillis,
                           int reconnectMaxMillis, int batchSize, int maxInFlight, String primaryHostId,
                           Compression historicalCompression) {
    /** With historical batches compressed by DEFLATE, the default. */
    public UplinkConfig(String brokerUri, int keepAliveSeconds, int connectTimeoutSeconds, int reconnectMinMillis,
                        int reconnectMaxMillis, int batchSize, int maxInFlight, String primaryHostId) {
        this(brokerUri, keepAliveSeconds, connectTimeoutSeconds, reconnectMinMillis, reconnectMaxMillis, batchSize,
                maxInFlight, primaryHostId, Compression.DEFLATE);
    }

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
                s.string("uplink.primaryHostId", "classbox-console"),
                compression(s.string("uplink.historicalCompression", "DEFLATE")));
    }

    private static Compression compression(String value) {
        String upper = value.trim().toUpperCase(Locale.ROOT);
        Check.that(upper.matches("NONE|GZIP|DEFLATE"), "uplink.historicalCompression",
                "must be NONE, GZIP or DEFLATE, but was '" + value + "'");
        return upper.equals("NONE") ? null : Compression.valueOf(upper);
    }
}
