package org.classbox.drivers.terminal.snmp;

import io.vertx.core.Vertx;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.DeviceType;
import org.classbox.drivers.terminal.TerminalDriver;
import org.classbox.drivers.terminal.TerminalKeys;
import org.classbox.settings.Check;

/**
 * Device type {@code vsat-snmp}: a VSAT modem over SNMP v2c plus the active prober. Keys, with defaults:
 * {@code host} (required), {@code port=161}, {@code community=public}, the {@link VsatOids} keys and those of
 * {@link TerminalKeys}.
 */
public final class VsatSnmpType implements DeviceType {
    @Override
    public String name() {
        return "vsat-snmp";
    }

    @Override
    public DeviceDriver open(Vertx vertx, DeviceKeys keys) {
        String host = Check.notBlank(keys.key("host"), keys.string("host", ""));
        int port = Check.port(keys.key("port"), keys.integer("port", 161));
        String community = Check.notBlank(keys.key("community"), keys.string("community", "public"));
        VsatOids oids = VsatOids.read(keys);
        TerminalKeys common = TerminalKeys.read(keys);
        VsatClient modem = new VsatClient(vertx, "devices-" + keys.deviceId(), host, port, community,
                common.timeoutMillis(), oids);
        return TerminalDriver.open(vertx, common, modem.describe(), modem);
    }
}
