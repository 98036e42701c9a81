package org.classbox.sim.fleet;

import java.net.URI;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;

/**
 * What a simulated fleet looks like and where it connects.
 *
 * @param broker            {@code tcp://host:port} of any MQTT 3.1.1 broker
 * @param boxes             how many boxes, each its own MQTT connection
 * @param seed              chooses placements, health, outages and faults; the same seed gives the same fleet
 * @param outagesPerDay     abrupt disconnects per box per (simulated) day; the box comes back after a while and
 *                          sends what it journaled meanwhile as historical records
 * @param faultsPerDay      device faults (lamp failure, over-temperature, degraded link) per box per simulated day
 * @param timeScale         how much faster than real time the boxes live: 60 makes a 10 s poll every 1/6 s
 * @param groupId           the Sparkplug group of every box, or {@value #BY_COUNTY}: each county its own group
 *                          ({@code yunnan-c03}), so that several consoles can share the fleet by group
 * @param boxPrefix         box ids are this prefix and a five-digit number from 00001
 * @param primaryHostId     the console whose {@code STATE} gates data, as the agent's {@code uplink.primaryHostId};
 *                          empty sends data regardless (a broker with no console)
 * @param connectsPerSecond how fast boxes first connect (a new fleet does not arrive in one millisecond)
 */
public record FleetOptions(URI broker, int boxes, long seed, double outagesPerDay, double faultsPerDay,
                           double timeScale, String groupId, String boxPrefix, String primaryHostId,
                           int connectsPerSecond) {
    public static final String BY_COUNTY = "county";

    public FleetOptions {
        if (broker == null || !"tcp".equals(broker.getScheme()) || broker.getHost() == null || broker.getPort() < 1) {
            throw new ConfigException("broker", "broker must be tcp://host:port, but was '" + broker + "'");
        }
        Check.inRange("boxes", boxes, 1, 100_000);
        Check.inRange("outages-per-day", outagesPerDay, 0.0, 10_000.0);
        Check.inRange("faults-per-day", faultsPerDay, 0.0, 10_000.0);
        Check.inRange("time-scale", timeScale, 0.01, 100_000.0);
        Check.identifier("group", groupId);
        Check.that(boxPrefix.matches("[A-Za-z0-9_.-]{0,50}"), "box-prefix",
                "must be up to 50 letters, digits, '_', '.', '-', but was '" + boxPrefix + "'");
        Check.that(primaryHostId.matches("[A-Za-z0-9_.-]{0,64}"), "primary-host",
                "must be empty or up to 64 letters, digits, '_', '.', '-', but was '" + primaryHostId + "'");
        Check.inRange("connects-per-second", connectsPerSecond, 1, 100_000);
    }

    /** A quiet fleet for tests: no random outages or faults, real time, connecting as fast as it can. */
    public static FleetOptions of(URI broker, int boxes, long seed) {
        return new FleetOptions(broker, boxes, seed, 0, 0, 1, BY_COUNTY, "box-", "classbox-console", 10_000);
    }

    public FleetOptions withTimeScale(double scale) {
        return new FleetOptions(broker, boxes, seed, outagesPerDay, faultsPerDay, scale, groupId, boxPrefix,
                primaryHostId, connectsPerSecond);
    }

    public FleetOptions withPrimaryHost(String hostId) {
        return new FleetOptions(broker, boxes, seed, outagesPerDay, faultsPerDay, timeScale, groupId, boxPrefix,
                hostId, connectsPerSecond);
    }

    public FleetOptions withRates(double outages, double faults) {
        return new FleetOptions(broker, boxes, seed, outages, faults, timeScale, groupId, boxPrefix, primaryHostId,
                connectsPerSecond);
    }

    /** The id of box {@code index} (0-based). */
    public String boxId(int index) {
        return boxPrefix + String.format("%05d", index + 1);
    }

    /** Reads {@code --broker}, {@code --boxes}, {@code --seed}, ... (see {@link FleetCommand}). */
    public static FleetOptions from(Settings settings) {
        String broker = Check.notBlank("broker", settings.string("broker", "tcp://127.0.0.1:1883"));
        URI uri;
        try {
            uri = URI.create(broker);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("broker", "broker must be tcp://host:port, but was '" + broker + "'");
        }
        FleetOptions options = new FleetOptions(uri, settings.integer("boxes", 100), settings.longValue("seed", 1),
                settings.decimal("outages-per-day", 2.0), settings.decimal("faults-per-day", 1.0),
                settings.decimal("time-scale", 1.0), settings.string("group", BY_COUNTY),
                settings.string("box-prefix", "box-"), settings.string("primary-host", "classbox-console"),
                settings.integer("connects-per-second", 500));
        settings.requireAllUsed();
        return options;
    }
}
