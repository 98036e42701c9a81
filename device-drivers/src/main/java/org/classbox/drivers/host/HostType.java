package org.classbox.drivers.host;

import io.vertx.core.Vertx;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.DeviceType;

/** {@code devices.<id>.type=host}: the box's own health; keys in {@link HostConfig#from}. */
public final class HostType implements DeviceType {
    @Override
    public String name() {
        return "host";
    }

    @Override
    public DeviceDriver open(Vertx vertx, DeviceKeys keys) {
        return new HostDriver(vertx, HostConfig.from(keys));
    }
}
