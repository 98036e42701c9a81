package org.classbox.drivers.terminal.starlink;

import io.vertx.core.Vertx;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.DeviceType;
import org.classbox.drivers.terminal.TerminalDriver;
import org.classbox.drivers.terminal.TerminalKeys;
import org.classbox.settings.Check;

/**
 * Device type {@code starlink}: a Starlink-style dish's status API plus the active prober. Keys, with defaults:
 * {@code host=192.168.100.1 port=9200} and those of {@link TerminalKeys}.
 */
public final class StarlinkType implements DeviceType {
    @Override
    public String name() {
        return "starlink";
    }

    @Override
    public DeviceDriver open(Vertx vertx, DeviceKeys keys) {
        String host = Check.notBlank(keys.key("host"), keys.string("host", "192.168.100.1"));
        int port = Check.port(keys.key("port"), keys.integer("port", 9200));
        TerminalKeys common = TerminalKeys.read(keys);
        DishClient dish = new DishClient(vertx, host, port, common.timeoutMillis());
        return TerminalDriver.open(vertx, common, dish.describe(), dish);
    }
}
