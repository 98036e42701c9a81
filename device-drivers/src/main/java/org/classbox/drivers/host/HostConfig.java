package org.classbox.drivers.host;

import java.nio.file.Path;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;

/**
 * Where the host driver looks.
 *
 * @param root       the file system root holding {@code proc/}, {@code sys/} and {@code run/}: {@code /} on a box, a
 *                   fake tree in tests and with the host simulator
 * @param dataDir    a directory on the file system whose usage {@code Disk/*} reports (the agent's data directory)
 * @param pollMillis how often the supervisor probes
 */
public record HostConfig(String deviceId, Path root, Path dataDir, long pollMillis) {
    public HostConfig {
        Check.notBlank("deviceId", deviceId);
        if (root == null || dataDir == null) {
            String key = "devices." + deviceId + (root == null ? ".root" : ".dataDir");
            throw new ConfigException(key, key + " must be given");
        }
        Check.inRange("devices." + deviceId + ".pollMillis", pollMillis, 1000, 3_600_000);
    }

    /** Reads {@code devices.<id>.root} ({@code /}), {@code dataDir} ({@code .}) and {@code pollMillis} (30000). */
    public static HostConfig from(DeviceKeys keys) {
        String root = Check.notBlank(keys.key("root"), keys.string("root", "/"));
        String dataDir = Check.notBlank(keys.key("dataDir"), keys.string("dataDir", "."));
        return new HostConfig(keys.deviceId(), Path.of(root), Path.of(dataDir), keys.longValue("pollMillis", 30_000));
    }

    /** How the device is named in errors and logs. */
    public String deviceName() {
        return "host at " + root;
    }
}
