package org.classbox.drivers.terminal;

import io.vertx.core.Vertx;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.DeviceType;
import org.classbox.drivers.terminal.linkstate.LinkStateMachine;
import org.classbox.drivers.terminal.probe.Prober;

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
        Prober prober = new Prober(vertx, common.probeTargets(), common.probeAttempts(), common.timeoutMillis());
        return new TerminalDriver("link prober " + keys.deviceId() + " to " + common.probeTargets(), prober,
                null, new LinkStateMachine(common.thresholds()));
    }
}
