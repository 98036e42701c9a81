package org.classbox.sim.host;

import java.nio.file.Path;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.sim.faults.Fault;

/**
 * How the simulated host behaves.
 *
 * @param root         the directory that plays {@code /}; created if missing
 * @param temperature  the CPU temperature the random walk stays around, in °C
 * @param underVoltage whether the supply is too weak from the start
 * @param controlPort  the control API's loopback port; 0 picks a free one
 * @param fault        {@code none}, {@code garbage} (unparsable files) or {@code refuse} (files missing)
 * @param driftMillis  how often the files change
 */
public record HostSimConfig(Path root, double temperature, boolean underVoltage, int controlPort, Fault fault,
                            long driftMillis) {
    public HostSimConfig {
        if (root == null) {
            throw new ConfigException("root", "root must be given");
        }
        Check.inRange("temperature", temperature, -20.0, 120.0);
        Check.inRange("control-port", controlPort, 0, 65535);
        Check.that(HostSimulator.PLAYS.contains(fault), "fault", "must be one of none, garbage, refuse (a file tree"
                + " cannot hang or ask for a password), but was '" + fault.flagName() + "'");
        Check.inRange("drift-millis", driftMillis, 10, 3_600_000);
    }

    /** Reads {@code --root} (required), {@code --temperature 48}, {@code --under-voltage}, {@code --control-port 0},
     * {@code --fault none}, {@code --drift-millis 2000}. */
    public static HostSimConfig from(Settings settings) {
        String root = Check.notBlank("root", settings.string("root", null));
        Fault fault;
        try {
            fault = Fault.parse(settings.string("fault", "none"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("fault", "fault: " + e.getMessage());
        }
        HostSimConfig config = new HostSimConfig(Path.of(root), settings.decimal("temperature", 48.0),
                settings.bool("under-voltage", false), settings.integer("control-port", 0), fault,
                settings.longValue("drift-millis", 2000));
        settings.requireAllUsed();
        return config;
    }
}
