package org.classbox.drivers.terminal;

import java.util.List;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.terminal.linkstate.LinkThresholds;
import org.classbox.drivers.terminal.probe.ProbeTarget;
import org.classbox.settings.Check;

/**
 * The keys every terminal type shares, under {@code devices.<id>.}, with defaults: {@code probeTargets} (required,
 * {@code tcp://host:port,http://host:port/path}), {@code probeAttempts=3}, {@code timeoutMillis=3000} (each probe
 * and each management request), and the {@link LinkThresholds} keys {@code link.*}.
 */
public record TerminalKeys(List<ProbeTarget> probeTargets, int probeAttempts, int timeoutMillis,
                           LinkThresholds thresholds) {
    public TerminalKeys {
        probeTargets = List.copyOf(probeTargets);
        Check.inRange("probeAttempts", probeAttempts, 1, 20);
        Check.inRange("timeoutMillis", timeoutMillis, 100, 60_000);
    }

    public static TerminalKeys read(DeviceKeys keys) {
        LinkThresholds defaults = LinkThresholds.defaults();
        List<ProbeTarget> targets = ProbeTarget.parseList(keys.key("probeTargets"), keys.string("probeTargets", ""));
        int attempts = keys.integer("probeAttempts", 3);
        int timeout = keys.integer("timeoutMillis", 3000);
        double maxRtt = keys.decimal("link.maxRttMillis", defaults.maxRttMillis());
        double maxLoss = keys.decimal("link.maxLossPercent", defaults.maxLossPercent());
        int degradeAfter = keys.integer("link.degradeAfter", defaults.degradeAfter());
        int recoverAfter = keys.integer("link.recoverAfter", defaults.recoverAfter());
        return DeviceConfig.build(keys, () -> new TerminalKeys(targets, attempts, timeout,
                new LinkThresholds(maxRtt, maxLoss, degradeAfter, recoverAfter)));
    }
}
