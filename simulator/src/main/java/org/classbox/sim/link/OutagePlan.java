package org.classbox.sim.link;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.classbox.settings.Check;

/**
 * When a link drops out, in seconds of link time (a {@link LinkProfile}'s time scale compresses them). A plan gives
 * the length of each up and down spell in turn: first up, down, up, down, and so on; each run of the link starts a
 * fresh {@link Run} of its plan.
 */
public sealed interface OutagePlan permits OutagePlan.None, OutagePlan.Periodic, OutagePlan.Random,
        OutagePlan.Trace {

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

    /** A fresh pass through the plan, from its start. */
    Run newRun();

    /** One pass through a plan; used on one thread (the link's context). */
    interface Run {
        /** Seconds the link stays up from now (from the start, the first time); infinite when it never drops again. */
        double upSeconds();

        /** Seconds the outage that starts now lasts. */
        double downSeconds();
    }

    /** No outages. */
    record None() implements OutagePlan {
        @Override
        public boolean hasOutages() {
            return false;
        }

        @Override
        public Run newRun() {
            return new Run() {
                @Override
                public double upSeconds() {
                    return Double.POSITIVE_INFINITY;
                }

                @Override
                public double downSeconds() {
                    return 0;
                }
            };
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
        public Run newRun() {
            return new Run() {
                private boolean first = true;

                @Override
                public double upSeconds() {
                    double seconds = first ? firstAfterSeconds : everySeconds - durationSeconds;
                    first = false;
                    return seconds;
                }

                @Override
                public double downSeconds() {
                    return durationSeconds;
                }
            };
        }
    }

    /** Outages at random, like weather fades or handovers; the same seed gives the same trace. */
    record Random(double meanUpSeconds, double meanDownSeconds, long seed) implements OutagePlan {
        public Random {
            Check.inRange("outage.meanUpSeconds", meanUpSeconds, 0.001, 31_536_000.0);
            Check.inRange("outage.meanDownSeconds", meanDownSeconds, 0.001, 31_536_000.0);
        }

        @Override
        public Run newRun() {
            SplittableRandom random = new SplittableRandom(seed);
            return new Run() {
                @Override
                public double upSeconds() {
                    return exponential(random, meanUpSeconds);
                }

                @Override
                public double downSeconds() {
                    return exponential(random, meanDownSeconds);
                }
            };
        }

        private static double exponential(SplittableRandom random, double mean) {
            return -mean * Math.log(1.0 - random.nextDouble());
        }
    }

    /**
     * A recorded or generated sequence of spells (see {@link OutageTraces}), played once: after its last spell the
     * link stays up.
     *
     * @param name   where it came from, for logs: a built-in trace's name or a file
     * @param spells alternating, starting with an up spell (0 s when the trace starts down), every spell but that
     *               first one longer than 0
     */
    record Trace(String name, List<Spell> spells) implements OutagePlan {
        public Trace {
            Check.notBlank("outage.trace", name);
            spells = List.copyOf(spells);
            Check.that(!spells.isEmpty() && spells.get(0).up(), "outage.trace",
                    "must start with an up spell, but " + name + " was " + spells);
            for (int i = 0; i < spells.size(); i++) {
                Check.that(spells.get(i).up() == (i % 2 == 0), "outage.trace",
                        "must alternate up and down spells, but " + name + " has two alike at spell " + (i + 1));
                Check.that(i == 0 || spells.get(i).seconds() > 0, "outage.trace",
                        "must have spells longer than 0 s, but " + name + " has " + spells.get(i));
            }
        }

        /** Joins neighbouring spells of the same kind and starts with an up spell, so any list of spells plays. */
        public static Trace of(String name, List<Spell> spells) {
            List<Spell> joined = new ArrayList<>();
            joined.add(new Spell(true, 0));
            for (Spell spell : spells) {
                Spell last = joined.get(joined.size() - 1);
                if (last.up() == spell.up()) {
                    joined.set(joined.size() - 1, new Spell(spell.up(), last.seconds() + spell.seconds()));
                } else {
                    joined.add(spell);
                }
            }
            return new Trace(name, joined);
        }

        @Override
        public boolean hasOutages() {
            return spells.size() > 1;
        }

        /** Seconds the whole trace lasts. */
        public double totalSeconds() {
            return spells.stream().mapToDouble(Spell::seconds).sum();
        }

        /** Seconds of it the link is down. */
        public double downSeconds() {
            return spells.stream().filter(s -> !s.up()).mapToDouble(Spell::seconds).sum();
        }

        @Override
        public Run newRun() {
            return new Run() {
                private int next;

                @Override
                public double upSeconds() {
                    // The last spell is up, or the trace ended on an outage: either way the link stays up for good.
                    return next >= spells.size() - 1 ? Double.POSITIVE_INFINITY : spells.get(next++).seconds();
                }

                @Override
                public double downSeconds() {
                    return next >= spells.size() ? 0 : spells.get(next++).seconds();
                }
            };
        }
    }

    /** One spell of a trace: the link is up or down for {@code seconds}. */
    record Spell(boolean up, double seconds) {
        public Spell {
            Check.inRange("outage.trace", seconds, 0.0, 31_536_000.0);
        }

        @Override
        public String toString() {
            return (up ? "up " : "down ") + seconds;
        }
    }
}
