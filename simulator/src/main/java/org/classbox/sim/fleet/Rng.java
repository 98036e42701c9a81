package org.classbox.sim.fleet;

/**
 * A small seeded generator (SplitMix64) whose whole state is one long, so a box's history can be generated twice
 * from the same seed with the same outcome (once to count it for the birth, once to send it). Not thread-safe.
 */
final class Rng {
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9e3779b97f4a7c15L);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** Exponentially distributed with the given mean: the gap between events of a Poisson process. */
    double exponential(double mean) {
        return -mean * Math.log(1.0 - nextDouble());
    }

    /** Roughly normal (sum of uniforms), mean 0, standard deviation 1. */
    double gaussian() {
        double sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += nextDouble();
        }
        return sum - 6.0;
    }
}
