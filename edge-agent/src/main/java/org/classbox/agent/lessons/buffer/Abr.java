package org.classbox.agent.lessons.buffer;

import java.util.List;

/**
 * Adaptive bitrate at the box: an EWMA of each download's throughput (bits per wall second) and the buffer ahead of
 * the play-out decide the rendition to fetch. Single-threaded (the lesson's event loop).
 */
final class Abr {
    private static final double EWMA_WEIGHT = 0.3;
    private static final double SAFETY = 0.75;
    private final double clockRate;
    private double throughput;

    Abr(double clockRate) {
        this.clockRate = clockRate;
    }

    void measured(long bytes, double wallSeconds) {
        double bits = bytes * 8.0 / Math.max(1e-4, wallSeconds);
        throughput = throughput <= 0 ? bits : (1 - EWMA_WEIGHT) * throughput + EWMA_WEIGHT * bits;
    }

    /**
     * The highest rendition whose bandwidth, at the clock rate, fits in {@value #SAFETY} of the measured throughput;
     * the lowest when less than a target duration is stored ahead; {@code current} before any measurement.
     */
    int choose(List<Long> bandwidths, int current, double aheadSeconds, int targetDuration) {
        if (throughput <= 0) {
            return current;
        }
        if (bandwidths.size() == 1 || aheadSeconds < targetDuration) {
            return 0;
        }
        int best = 0;
        for (int i = 0; i < bandwidths.size(); i++) {
            if (bandwidths.get(i) * clockRate <= SAFETY * throughput) {
                best = i;
            }
        }
        return best;
    }
}
