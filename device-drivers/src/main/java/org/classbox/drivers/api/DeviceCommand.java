package org.classbox.drivers.api;

import java.util.Objects;

/**
 * One command for one device, as the fleet sends it in a Sparkplug DCMD metric: {@code Power=on},
 * {@code Input=HDMI1}, {@code Snapshot=true}, {@code Relay/1=true}. The value is a Boolean, Long, Double or String.
 */
public record DeviceCommand(String name, Object value) {
    public DeviceCommand {
        Objects.requireNonNull(name, "name");
    }

    /** The value as text, or a REJECTED error naming the command when it is something else. */
    public String text(String device) {
        if (value instanceof String s) {
            return s;
        }
        throw rejected(device, "needs a text value, got " + value);
    }

    /** The value as a boolean, or a REJECTED error naming the command when it is something else. */
    public boolean flag(String device) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw rejected(device, "needs a boolean value, got " + value);
    }

    public DeviceException rejected(String device, String why) {
        return new DeviceException(DeviceException.Kind.REJECTED, device, "command " + name + ": " + why);
    }
}
