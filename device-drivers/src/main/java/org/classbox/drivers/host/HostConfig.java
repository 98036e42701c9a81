package org.classbox.drivers.host;

import java.nio.file.Path;
import java.util.Locale;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;

/**
 * Where the host driver looks.
 *
 * @param root        the file system root holding {@code proc/}, {@code sys/} and {@code run/}: {@code /} on a box, a
 *                    fake tree in tests and with the host simulator
 * @param dataDir     a directory on the file system whose usage {@code Disk/*} reports (the agent's data directory)
 * @param pollMillis  how often the supervisor probes
 * @param clockSource which time daemon {@code Clock/Synchronised} asks
 * @param chronyc     the {@code chronyc} command to run when the clock source is chrony
 */
public record HostConfig(String deviceId, Path root, Path dataDir, long pollMillis, ClockSource clockSource,
                         String chronyc) {
    /** Which daemon keeps the box's clock, as the box was installed (the Ansible role installs chrony). */
    public enum ClockSource {
        /** systemd-timesyncd: its marker file {@code run/systemd/timesync/synchronized} under the root. */
        TIMESYNCD,
        /** chronyd: the leap status of {@code chronyc -c tracking}. */
        CHRONY,
        /** Not reported: {@code Clock/Synchronised} is null. */
        NONE
    }

    public HostConfig {
        Check.notBlank("deviceId", deviceId);
        if (root == null || dataDir == null) {
            String key = "devices." + deviceId + (root == null ? ".root" : ".dataDir");
            throw new ConfigException(key, key + " must be given");
        }
        Check.inRange("devices." + deviceId + ".pollMillis", pollMillis, 1000, 3_600_000);
        if (clockSource == null) {
            throw new ConfigException("devices." + deviceId + ".clockSource", "devices." + deviceId
                    + ".clockSource must be given");
        }
        Check.notBlank("devices." + deviceId + ".chronyc", chronyc);
    }

    /**
     * Reads {@code devices.<id>.root} ({@code /}), {@code dataDir} ({@code .}), {@code pollMillis} (30000),
     * {@code clockSource} ({@code timesyncd}, {@code chrony} or {@code none}) and {@code chronyc} ({@code chronyc}).
     */
    public static HostConfig from(DeviceKeys keys) {
        String root = Check.notBlank(keys.key("root"), keys.string("root", "/"));
        String dataDir = Check.notBlank(keys.key("dataDir"), keys.string("dataDir", "."));
        String source = keys.string("clockSource", "timesyncd");
        ClockSource clock = switch (source) {
            case "timesyncd" -> ClockSource.TIMESYNCD;
            case "chrony" -> ClockSource.CHRONY;
            case "none" -> ClockSource.NONE;
            default -> throw new ConfigException(keys.key("clockSource"), keys.key("clockSource")
                    + " must be one of timesyncd|chrony|none, but was '" + source + "'");
        };
        return new HostConfig(keys.deviceId(), Path.of(root), Path.of(dataDir), keys.longValue("pollMillis", 30_000),
                clock, keys.string("chronyc", "chronyc"));
    }

    /** How the device is named in errors and logs. */
    public String deviceName() {
        return "host at " + root;
    }

    /** {@code timesyncd}, {@code chrony} or {@code none}, as the key spells it. */
    public String clockSourceName() {
        return clockSource.name().toLowerCase(Locale.ROOT);
    }
}
