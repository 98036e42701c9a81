package org.classbox.broker;

import java.nio.file.Path;

/**
 * Where the embedded broker listens and keeps its files.
 *
 * @param host    address the MQTT TCP listener binds to; {@code 127.0.0.1} unless the broker must be reachable from
 *                other machines
 * @param port    MQTT TCP port, in [1, 65535] (HiveMQ cannot report an ephemeral port back, so 0 is not allowed)
 * @param dataDir folder holding HiveMQ's {@code conf}, {@code data} and {@code extensions} folders; sessions and
 *                retained messages persist in {@code data} across restarts
 */
public record BrokerConfig(String host, int port, Path dataDir) {
    /** The address the broker binds to unless told otherwise. */
    public static final String LOOPBACK = "127.0.0.1";

    public BrokerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("broker host must not be empty, but was '"
                    + (host == null ? "" : host) + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("broker port must be in [1, 65535], but was " + port);
        }
        if (dataDir == null || dataDir.toString().isBlank()) {
            throw new IllegalArgumentException("broker dataDir must name a folder, but was '"
                    + (dataDir == null ? "" : dataDir) + "'");
        }
        host = host.trim();
    }

    /** A broker on the loopback interface. */
    public static BrokerConfig loopback(int port, Path dataDir) {
        return new BrokerConfig(LOOPBACK, port, dataDir);
    }

    /** The URI MQTT clients connect to, such as {@code tcp://127.0.0.1:1883}. */
    public String uri() {
        String shownHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "tcp://" + shownHost + ":" + port;
    }

    Path configFolder() {
        return dataDir.resolve("conf");
    }

    Path dataFolder() {
        return dataDir.resolve("data");
    }

    Path extensionsFolder() {
        return dataDir.resolve("extensions");
    }
}
