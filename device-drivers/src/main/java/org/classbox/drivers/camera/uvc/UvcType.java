package org.classbox.drivers.camera.uvc;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.DeviceType;
import org.classbox.drivers.camera.KeyErrors;

/** Device type {@code uvc}: keys {@code device=/dev/video0}, {@code sysRoot=/}, {@code pollMillis=60000}. */
public final class UvcType implements DeviceType {
    @Override
    public String name() {
        return "uvc";
    }

    @Override
    public DeviceDriver open(Vertx vertx, DeviceKeys keys) {
        String device = keys.string("device", "/dev/video0");
        String sysRoot = keys.string("sysRoot", "/");
        long poll = keys.longValue("pollMillis", 60000);
        try {
            return new UvcDriver(vertx, keys.deviceId(), new UvcConfig(device, Path.of(sysRoot),
                    Duration.ofMillis(poll)));
        } catch (IllegalArgumentException e) {
            throw KeyErrors.named(keys, e);
        }
    }
}
