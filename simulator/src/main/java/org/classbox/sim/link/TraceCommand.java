package org.classbox.sim.link;

import java.util.List;
import java.util.Locale;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;

/**
 * {@code simulator trace [--minutes 10] [--percent 5] [--minOutage 5] [--maxOutage 90] [--seed 1]}: prints a
 * generated outage trace (see {@link OutageTraces#generate}) for a link profile's {@code outage.trace} key.
 */
public final class TraceCommand {
    private TraceCommand() {
    }

    public static int run(String[] args) {
        try {
            if (List.of(args).contains("--help")) {
                System.out.println("usage: simulator trace [--minutes 10] [--percent 5] [--minOutage 5]"
                        + " [--maxOutage 90] [--seed 1] > my.trace");
                return 0;
            }
            Settings s = Settings.load(args, System.getenv());
            double minutes = s.decimal("minutes", 10);
            double percent = s.decimal("percent", 5);
            int minOutage = s.integer("minOutage", 5);
            int maxOutage = s.integer("maxOutage", 90);
            long seed = s.longValue("seed", 1);
            s.requireAllUsed();
            OutagePlan.Trace trace = OutageTraces.generate("generated", seed, minutes, percent, minOutage, maxOutage);
            System.out.print(OutageTraces.format(trace, String.format(Locale.ROOT,
                    "simulator trace --minutes %s --percent %s --minOutage %d --maxOutage %d --seed %d%n"
                            + "%d outages, %.0f s down of %.0f s (%.1f %%)", minutes, percent, minOutage, maxOutage,
                    seed, (trace.spells().size() - 1) / 2, trace.downSeconds(), trace.totalSeconds(),
                    100 * trace.downSeconds() / trace.totalSeconds())));
            return 0;
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            return ConfigException.EXIT_CODE;
        }
    }
}
