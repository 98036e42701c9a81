package org.classbox.sim.link;

import java.util.SplittableRandom;
import org.classbox.settings.Check;

/**
 * When a link drops out, in seconds of link time (a {@link LinkProfile}'s time scale compresses them). A plan gives
 * the length of each up and down spell in turn: first up, down, up, down, and so on.
 */
public sealed interface OutagePlan permits OutagePlan.None, OutagePlan.Periodic, OutagePlan.Random {

    /** The link never drops out by itself. */
    static OutagePlan none() {
        return new None();
    }

    /** Down for {@code durationSeconds} every {@code everySeconds}, the first time after {@code firstAfterSeconds}. */
    static OutagePlan periodic(double everySeconds, double durationSeconds, double firstAfterSeconds) {
        return new Periodic(everySeconds, durationSeconds, firstAfterSeconds);
    }

    /** Up and down spells of exponentially distributed length with the given means, repeatable through the seed. */
    static OutagePlan random(double meanUpSeconds, double meanDownSeconds, long seed) {
        return new Random(meanUpSeconds, meanDownSeconds, seed);
    }

    /** Whether this plan ever takes the link down. */
    default boolean hasOutages() {
        return true;
    }

    /** The source of randomness for one run of the plan. */
    default SplittableRandom newRandom() {
        return new SplittableRandom(0);
    }

    /** Seconds from start until the first outage. */
    double firstUpSeconds(SplittableRandom random);

    /** Seconds the link stays up between two outages. */
    double upSeconds(SplittableRandom random);

    /** Seconds one outage lasts. */
    double downSeconds(SplittableRandom random);

    /** No outages. */
    record None() implements OutagePlan {
        @Override
        public boolean hasOutages() {
            return false;
        }

        @Override
        public double firstUpSeconds(SplittableRandom random) {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public double upSeconds(SplittableRandom random) {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public double downSeconds(SplittableRandom random) {
            return 0;
        }
    }

    /** A fixed rhythm, like a scheduled maintenance window or a terminal that loses lock on a timer. */
    record Periodic(double everySeconds, double durationSeconds, double firstAfterSeconds) implements OutagePlan {
        public Periodic {
            Check.inRange("outage.everySeconds", everySeconds, 0.001, 31_536_000.0);
            Check.inRange("outage.durationSeconds", durationSeconds, 0.001, 31_536_000.0);
            Check.that(durationSeconds < everySeconds, "outage.durationSeconds",
                    "must be shorter than outage.everySeconds (" + everySeconds + "), but was " + durationSeconds);
            Check.inRange("outage.firstAfterSeconds", firstAfterSeconds, 0.0, 31_536_000.0);
        }

        @Override
        public double firstUpSeconds(SplittableRandom random) {
            return firstAfterSeconds;
        }

        @Override
        public double upSeconds(SplittableRandom random) {
            return everySeconds - durationSeconds;
        }

        @Override
        public double downSeconds(SplittableRandom random) {
            return durationSeconds;
        }
    }

    /** Outages at random, like weather fades or handovers; the same seed gives the same trace. */
    record Random(double meanUpSeconds, double meanDownSeconds, long seed) implements OutagePlan {
        public Random {
            Check.inRange("outage.meanUpSeconds", meanUpSeconds, 0.001, 31_536_000.0);
            Check.inRange("outage.meanDownSeconds", meanDownSeconds, 0.001, 31_536_000.0);
        }

        @Override
        public SplittableRandom newRandom() {
            return new SplittableRandom(seed);
        }

        @Override
        public double firstUpSeconds(SplittableRandom random) {
            return upSeconds(random);
        }

        @Override
        public double upSeconds(SplittableRandom random) {
            return exponential(random, meanUpSeconds);
        }

        @Override
        public double downSeconds(SplittableRandom random) {
            return exponential(random, meanDownSeconds);
        }

        private static double exponential(SplittableRandom random, double mean) {
            return -mean * Math.log(1.0 - random.nextDouble());
        }
    }
}
