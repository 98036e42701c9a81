package org.classbox.drivers.camera.onvif;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.DeviceType;
import org.classbox.drivers.camera.KeyErrors;

/**
 * Device type {@code onvif}: keys {@code host} (required), {@code port=80}, {@code username=}, {@code password=},
 * {@code rtspUri=}, {@code timeoutMillis=5000}, {@code pollMillis=30000}.
 */
public final class OnvifType implements DeviceType {
    @Override
    public String name() {
        return "onvif";
    }

    @Override
    public DeviceDriver open(Vertx vertx, DeviceKeys keys) {
        String host = keys.string("host", "");
        int port = keys.integer("port", 80);
        String username = keys.string("username", "");
        String password = keys.string("password", "");
        String rtspUri = keys.string("rtspUri", "");
        long timeout = keys.longValue("timeoutMillis", 5000);
        long poll = keys.longValue("pollMillis", 30000);
        try {
            return new OnvifDriver(vertx, new OnvifConfig(host, port, username, password, rtspUri,
                    Duration.ofMillis(timeout), Duration.ofMillis(poll)));
        } catch (IllegalArgumentException e) {
            throw KeyErrors.named(keys, e);
        }
    }
}
