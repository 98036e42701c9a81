package org.classbox.drivers.escvp21;

import io.vertx.core.Vertx;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.DeviceType;

/** {@code devices.<id>.type=serial-projector}: an Epson (ESC/VP21) projector on RS-232 or a TCP serial bridge. */
public final class SerialProjectorType implements DeviceType {
    public static final String NAME = "serial-projector";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeviceDriver open(Vertx vertx, DeviceKeys keys) {
        return new SerialProjector(vertx, SerialProjectorConfig.from(keys));
    }
}
