package org.classbox.drivers.pjlink;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.DeviceType;
import org.classbox.settings.Check;

/**
 * Type {@code pjlink}: a projector over PJLink TCP. Keys {@code devices.<id>.host} (127.0.0.1), {@code port} (4352),
 * {@code password} (empty: authentication off), {@code timeoutMillis} (5000, per reply) and {@code reprobeMinutes}
 * (1440: how long unsupported queries stay unasked).
 */
public final class PjlinkType implements DeviceType {
    @Override
    public String name() {
        return "pjlink";
    }

    @Override
    public DeviceDriver open(Vertx vertx, DeviceKeys keys) {
        PjlinkConfig config = config(keys);
        return new PjlinkDevice(new PjlinkClient(vertx, config), config);
    }

    /** The client's configuration, each key checked with a message naming it. */
    public static PjlinkConfig config(DeviceKeys keys) {
        String host = Check.notBlank(keys.key("host"), keys.string("host", "127.0.0.1"));
        int port = Check.port(keys.key("port"), keys.integer("port", 4352));
        String password = keys.string("password", "");
        Check.that(password.length() <= 32, keys.key("password"), "must be at most 32 characters (PJLink limit)");
        int timeout = Check.inRange(keys.key("timeoutMillis"), keys.integer("timeoutMillis", 5000), 100, 60_000);
        int reprobe = Check.inRange(keys.key("reprobeMinutes"), keys.integer("reprobeMinutes", 1440), 1, 43_200);
        return new PjlinkConfig(host, port, password.isEmpty() ? null : password, Duration.ofMillis(timeout),
                Duration.ofMinutes(reprobe));
    }
}
