package org.classbox.drivers.gpio;

import io.vertx.core.Vertx;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.DeviceType;

/** {@code devices.<id>.type=gpio}: relays, the help button and the status LED; keys in {@link GpioConfig#from}. */
public final class GpioType implements DeviceType {
    @Override
    public String name() {
        return "gpio";
    }

    @Override
    public DeviceDriver open(Vertx vertx, DeviceKeys keys) {
        return new GpioDriver(vertx, GpioConfig.from(keys));
    }
}
