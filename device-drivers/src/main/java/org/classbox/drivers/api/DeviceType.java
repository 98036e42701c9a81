package org.classbox.drivers.api;

import io.vertx.core.Vertx;

/**
 * A kind of device the box can supervise, such as {@code pjlink} or {@code onvif}: opens a driver from the device's
 * own configuration keys. Adding a device type is one class implementing this in the type's package and one line
 * in the agent's catalog.
 */
public interface DeviceType {
    /** The value of {@code devices.<id>.type} that selects this type. */
    String name();

    /**
     * A driver for the device whose keys {@code keys} reads (without the {@code devices.<id>.} prefix). Bad or
     * missing keys fail with a {@link org.classbox.settings.ConfigException} naming the full key.
     */
    DeviceDriver open(Vertx vertx, DeviceKeys keys);
}
