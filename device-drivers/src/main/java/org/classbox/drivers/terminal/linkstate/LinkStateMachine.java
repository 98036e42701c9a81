package org.classbox.drivers.terminal.linkstate;

import java.util.Objects;

/**
 * Decides {@link LinkState} from one poll after another, with hysteresis so one slow probe does not flap the state:
 * UP goes DEGRADED after K bad polls in a row, DEGRADED or DOWN go back UP after M good polls in a row, and any
 * poll in which no probe got through or the terminal reported no lock goes DOWN at once (an outage is news; a
 * slow patch is not). Leaving DOWN into a bad-but-alive poll goes DEGRADED at once. Pure and single-threaded: the
 * caller feeds it in order.
 */
public final class LinkStateMachine {
    /**
     * What one poll saw. {@code rttMillis} is NaN when no probe got through. {@code terminalLock} is what the terminal
     * said about its lock, or null when it said nothing (none configured, or its management API failed): an
     * unreadable terminal is not a terminal without lock, and the probes alone decide then.
     */
    public record Poll(double rttMillis, double lossPercent, Boolean terminalLock) {
        public static Poll unreachable() {
            return new Poll(Double.NaN, 100, null);
        }
    }

    private final LinkThresholds thresholds;
    private LinkState state = LinkState.UP;
    private int badInARow;
    private int goodInARow;

    public LinkStateMachine(LinkThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public LinkState state() {
        return state;
    }

    /** Takes one poll into account and returns the state after it. */
    public LinkState next(Poll poll) {
        boolean down = Boolean.FALSE.equals(poll.terminalLock()) || Double.isNaN(poll.rttMillis()) || poll.lossPercent() >= 100;
        if (down) {
            badInARow++;
            goodInARow = 0;
            state = LinkState.DOWN;
            return state;
        }
        boolean bad = poll.rttMillis() > thresholds.maxRttMillis() || poll.lossPercent() > thresholds.maxLossPercent();
        if (bad) {
            badInARow++;
            goodInARow = 0;
            if (state == LinkState.DOWN || badInARow >= thresholds.degradeAfter()) {
                state = LinkState.DEGRADED;
            }
        } else {
            goodInARow++;
            badInARow = 0;
            if (goodInARow >= thresholds.recoverAfter()) {
                state = LinkState.UP;
            }
        }
        return state;
    }
}
