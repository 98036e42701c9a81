package org.classbox.sim.fleet;

import java.util.ArrayList;
import java.util.List;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;

/**
 * The satellite link as the agent's prober reads it: a GEO (about 600 ms) or LEO (about 40 ms) link with jitter,
 * {@code Link/State} from the agent's state machine rules (3 bad polls to DEGRADED, 3 good to UP; a poll with no
 * answer is DOWN at once), and its alarms.
 */
final class SimTerminal {
    static final String DEVICE = "terminal";
    private static final double MAX_RTT = 1500;
    private static final double MAX_LOSS = 20;

    private final Alarms alarms = new Alarms(List.of("Unreachable", "NotObeying", "LinkDown", "LinkDegraded"));
    private final boolean geo;
    private boolean degraded;
    private String state = "UP";
    private int badPolls;
    private int goodPolls;

    SimTerminal(boolean geo) {
        this.geo = geo;
    }

    /** Whether the box of {@code boxSeed} is on a GEO link (six in ten) or LEO: the same in its live data and history. */
    static boolean geo(long boxSeed) {
        return new Rng(boxSeed ^ 0x6e0L).chance(0.6);
    }

    void fault(boolean linkDegraded) {
        degraded = linkDegraded;
    }

    String state() {
        return state;
    }

    void raiseByHand(String name, String reason) {
        alarms.raiseByHand(name, reason);
    }

    void clearByHand(String name) {
        alarms.clearByHand(name);
    }

    List<Metric> sample(long now, Rng rng) {
        double base = degraded ? 1800 : geo ? 600 : 40;
        double jitter = degraded ? 300 : geo ? 25 : 12;
        double rtt = Math.max(5, base + rng.gaussian() * jitter);
        double loss = degraded ? 33.3 : rng.chance(geo ? 0.05 : 0.08) ? 33.3 : 0.0;
        boolean bad = rtt > MAX_RTT || loss > MAX_LOSS;
        badPolls = bad ? badPolls + 1 : 0;
        goodPolls = bad ? 0 : goodPolls + 1;
        if (state.equals("UP") && badPolls >= 3) {
            state = "DEGRADED";
        } else if (!state.equals("UP") && goodPolls >= 3) {
            state = "UP";
        }
        List<Metric> sample = new ArrayList<>(9);
        sample.add(Metric.of("Reachable", MetricType.BOOLEAN, true, now));
        sample.add(Metric.of("Link/State", MetricType.STRING, state, now));
        sample.add(Metric.of("Link/RttMillis", MetricType.DOUBLE, Math.round(rtt * 10) / 10.0, now));
        sample.add(Metric.of("Link/LossPercent", MetricType.DOUBLE, loss, now));
        alarms.set("LinkDown", state.equals("DOWN"), "Link/State is DOWN");
        alarms.set("LinkDegraded", state.equals("DEGRADED"), "Link/State is DEGRADED");
        alarms.addTo(sample, now);
        return sample;
    }
}
