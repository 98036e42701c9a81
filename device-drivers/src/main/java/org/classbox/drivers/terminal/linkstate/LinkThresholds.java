package org.classbox.drivers.terminal.linkstate;

import org.classbox.settings.Check;

/**
 * When a poll counts as bad, and how many polls in a row move the state, for {@link LinkStateMachine}. Keys
 * (under {@code devices.<id>.}) with defaults: {@code link.maxRttMillis=1500 link.maxLossPercent=20
 * link.degradeAfter=3 link.recoverAfter=3}. A geostationary hop alone is ~600 ms, so the RTT default is generous.
 *
 * @param maxRttMillis   a median RTT above this is a bad poll
 * @param maxLossPercent a loss above this is a bad poll
 * @param degradeAfter   K: bad polls in a row that take UP to DEGRADED
 * @param recoverAfter   M: good polls in a row that take DEGRADED or DOWN back to UP
 */
public record LinkThresholds(double maxRttMillis, double maxLossPercent, int degradeAfter, int recoverAfter) {
    public LinkThresholds {
        Check.inRange("link.maxRttMillis", maxRttMillis, 1.0, 60_000.0);
        Check.inRange("link.maxLossPercent", maxLossPercent, 0.0, 100.0);
        Check.inRange("link.degradeAfter", degradeAfter, 1, 100);
        Check.inRange("link.recoverAfter", recoverAfter, 1, 100);
    }

    public static LinkThresholds defaults() {
        return new LinkThresholds(1500, 20, 3, 3);
    }
}
