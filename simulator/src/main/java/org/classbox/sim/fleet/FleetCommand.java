package org.classbox.sim.fleet;

import io.vertx.core.Vertx;
import java.util.List;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.sim.Foreground;

/**
 * {@code simulator fleet --broker tcp://127.0.0.1:1883 --boxes 1000 --seed 1 --outages-per-day 2 --faults-per-day 1
 * --time-scale 1 [--group county] [--box-prefix box-] [--primary-host classbox-console] [--connects-per-second 500]}:
 * runs the boxes until Ctrl-C, printing a line of what the fleet did every 10 s. Exit code 2: bad flags.
 */
public final class FleetCommand {
    static final String USAGE = "usage: simulator fleet [--broker tcp://127.0.0.1:1883] [--boxes 100] [--seed 1]"
            + " [--outages-per-day 2] [--faults-per-day 1] [--time-scale 1]\n"
            + "       [--group county] [--box-prefix box-] [--primary-host classbox-console] [--connects-per-second 500]\n"
            + "  Simulated classroom boxes, each its own MQTT connection speaking Sparkplug B as the agent does:\n"
            + "  births with Box/Region..Classroom, projector, host, terminal and lesson figures by exception at the\n"
            + "  agent's default cadence (divided by --time-scale), random outages (abrupt, then the journal drains as\n"
            + "  historical records) and faults (lamp failure, over-temperature, degraded link); answers DCMD projector\n"
            + "  Power/Input and NCMD Rebirth/Reboot. --primary-host '' sends births and data without waiting for a console's STATE.";

    private FleetCommand() {
    }

    public static int run(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return 0;
        }
        FleetOptions options;
        try {
            options = FleetOptions.from(Settings.load(args, System.getenv()));
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage() + "\n" + USAGE);
            return ConfigException.EXIT_CODE;
        }
        Vertx vertx = Vertx.vertx();
        FleetSimulator[] fleet = new FleetSimulator[1];
        return Foreground.run("fleet", vertx,
                () -> FleetSimulator.launch(vertx, options).map(f -> {
                    fleet[0] = f;
                    vertx.setPeriodic(10_000, t -> System.out.println("fleet: " + f.online() + " of "
                            + options.boxes() + " online; " + f.counters()));
                    return null;
                }),
                () -> fleet[0] == null ? io.vertx.core.Future.succeededFuture() : fleet[0].stop(),
                () -> System.out.println("fleet: " + options.boxes() + " boxes of group " + (FleetOptions.BY_COUNTY
                        .equals(options.groupId()) ? "per county" : options.groupId())
                        + " connecting to " + options.broker() + " at " + options.connectsPerSecond() + "/s, seed "
                        + options.seed() + ", time x" + options.timeScale()));
    }
}
