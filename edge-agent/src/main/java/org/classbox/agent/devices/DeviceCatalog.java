package org.classbox.agent.devices;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.classbox.drivers.api.DeviceType;
import org.classbox.drivers.camera.onvif.OnvifType;
import org.classbox.drivers.camera.uvc.UvcType;
import org.classbox.drivers.escvp21.SerialProjectorType;
import org.classbox.drivers.gpio.GpioType;
import org.classbox.drivers.host.HostType;
import org.classbox.drivers.pjlink.PjlinkType;
import org.classbox.drivers.terminal.ProberType;
import org.classbox.drivers.terminal.snmp.VsatSnmpType;
import org.classbox.drivers.terminal.starlink.StarlinkType;
import org.classbox.settings.ConfigException;

/**
 * Every device type the agent can supervise, by the name {@code devices.<id>.type} gives, with how often a device of
 * that type is polled unless {@code devices.<id>.pollMillis} says otherwise. Adding a type is one line here.
 */
public final class DeviceCatalog {
    /** A device type and its default poll period. */
    public record Entry(DeviceType type, int defaultPollMillis) {
    }

    private static final Map<String, Entry> TYPES = new LinkedHashMap<>();

    static {
        Stream.of(
                // One line per type, in the order the error message lists them.
                new Entry(new PjlinkType(), 5_000),
                new Entry(new SerialProjectorType(), 10_000),
                new Entry(new OnvifType(), 30_000),
                new Entry(new UvcType(), 60_000),
                new Entry(new StarlinkType(), 10_000),
                new Entry(new VsatSnmpType(), 10_000),
                new Entry(new ProberType(), 10_000),
                new Entry(new HostType(), 30_000),
                new Entry(new GpioType(), 1_000)
        ).forEach(entry -> TYPES.put(entry.type().name(), entry));
    }

    private DeviceCatalog() {
    }

    /** The type named {@code name}, read from {@code key}; a ConfigException listing the known types otherwise. */
    public static Entry find(String key, String name) {
        Entry entry = TYPES.get(name);
        if (entry == null) {
            throw new ConfigException(key, key + " must be one of " + TYPES.keySet() + ", but was '" + name + "'");
        }
        return entry;
    }
}
