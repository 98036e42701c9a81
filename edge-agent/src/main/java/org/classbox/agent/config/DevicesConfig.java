package org.classbox.agent.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.classbox.agent.devices.DeviceCatalog;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.DeviceType;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;

/**
 * The classroom devices the agent supervises and how. A device's own keys ({@code devices.<id>.host}, ...) are read
 * by its type when the agent opens its driver ({@link Device#keys()}); the agent then rejects any it did not read.
 *
 * @param maxBackoffMillis the longest pause between polls of a device that keeps failing
 * @param deadbandPercent  a health value is journaled again once it moved this much from the last one journaled...
 * @param healthMinutes    ... or once this long passed since then
 * @param reconcileMinutes how long a device that does not reach a commanded state is asked again
 * @param deadlineMillis   the longest any one driver call may take before the supervisor counts it failed
 */
public record DevicesConfig(List<Device> devices, int maxBackoffMillis, double deadbandPercent, int healthMinutes,
                            int reconcileMinutes, int deadlineMillis, AlarmsConfig alarms) {
    /** The device list when {@code devices} is not set: every box has a projector and its own health. */
    public static final String DEFAULT_DEVICES = "projector,host";
    /** Streams the agent journals on for other reasons: a device may not take their names. */
    private static final Set<String> RESERVED = Set.of("classroom", "journal", "devices",
            org.classbox.sparkplug.CommissioningMetrics.DEVICE);

    public DevicesConfig {
        devices = List.copyOf(devices);
        Check.inRange("devices.maxBackoffMillis", maxBackoffMillis, 100, 86_400_000);
        Check.inRange("devices.deadbandPercent", deadbandPercent, 0, 100);
        Check.inRange("devices.healthMinutes", healthMinutes, 1, 1440);
        Check.inRange("devices.reconcileMinutes", reconcileMinutes, 1, 1440);
        Check.inRange("devices.deadlineMillis", deadlineMillis, 100, 600_000);
        Objects.requireNonNull(alarms, "alarms");
    }

    /**
     * One supervised device. Equal when id, type and poll period are: {@code keys} reads the live settings.
     *
     * @param keys its {@code devices.<id>.*} keys, read by its type when the driver is opened
     */
    public record Device(String id, DeviceType type, int pollMillis, DeviceKeys keys) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Device d && d.id.equals(id) && d.type.name().equals(type.name())
                    && d.pollMillis == pollMillis;
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, type.name(), pollMillis);
        }
    }

    /** True for a key only a device's driver reads, checked once the drivers are open. */
    public boolean readByDriver(String key) {
        return devices.stream().anyMatch(d -> key.startsWith("devices." + d.id() + "."));
    }

    static DevicesConfig from(Settings s) {
        List<Device> devices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : s.string("devices", DEFAULT_DEVICES).split(",")) {
            String id = raw.trim();
            if (id.isEmpty()) {
                continue;
            }
            Check.identifier("devices", id);
            if (RESERVED.contains(id) || id.startsWith("lesson-") || !seen.add(id)) {
                throw new ConfigException("devices", "devices must list distinct ids other than " + RESERVED
                        + " and lesson-*, but had '" + id + "'");
            }
            String typeKey = "devices." + id + ".type";
            String defaultType = id.equals("projector") ? "pjlink" : id.equals("host") ? "host" : null;
            String typeName = s.string(typeKey, defaultType);
            if (typeName == null) {
                throw new ConfigException(typeKey, typeKey + " must name the device's type, but is not set");
            }
            DeviceCatalog.Entry entry = DeviceCatalog.find(typeKey, typeName);
            String pollKey = "devices." + id + ".pollMillis";
            int poll = Check.inRange(pollKey, s.integer(pollKey, entry.defaultPollMillis()), 100, 86_400_000);
            devices.add(new Device(id, entry.type(), poll, new DeviceKeys(id, s)));
        }
        return new DevicesConfig(devices,
                s.integer("devices.maxBackoffMillis", 300_000),
                s.decimal("devices.deadbandPercent", 5),
                s.integer("devices.healthMinutes", 15),
                s.integer("devices.reconcileMinutes", 5),
                s.integer("devices.deadlineMillis", 30_000),
                AlarmsConfig.from(s));
    }
}
