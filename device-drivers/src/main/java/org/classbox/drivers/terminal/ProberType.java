package org.classbox.drivers.terminal;

import io.vertx.core.Vertx;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.DeviceType;

/**
 * Device type {@code prober}: the link measured only by active probes, for a terminal with no management API.
 * Keys: those of {@link TerminalKeys}.
 */
public final class ProberType implements DeviceType {
    @Override
    public String name() {
        return "prober";
    }

    @Override
    public DeviceDriver open(Vertx vertx, DeviceKeys keys) {
        TerminalKeys common = TerminalKeys.read(keys);
        return TerminalDriver.open(vertx, common, "link prober " + keys.deviceId() + " to " + common.probeTargets(),
                null);
    }
}
