package org.classbox.agent.lessons.buffer;

import java.util.ArrayDeque;
import java.util.Deque;

/** The link's recent outages as the follower saw them (media clock): the first failure to the next success. */
final class Outages {
    private final double window;
    private final Deque<double[]> past = new ArrayDeque<>();
    private double openSince = Double.NaN;

    Outages(double windowSeconds) {
        this.window = windowSeconds;
    }

    void failed(double now) {
        if (Double.isNaN(openSince)) {
            openSince = now;
        }
    }

    void succeeded(double now) {
        if (!Double.isNaN(openSince)) {
            past.addLast(new double[] {openSince, now});
            openSince = Double.NaN;
        }
    }

    boolean open() {
        return !Double.isNaN(openSince);
    }

    /** The longest outage that ended within the window (the one still open does not count yet). */
    double longestRecent(double now) {
        while (!past.isEmpty() && past.peekFirst()[1] < now - window) {
            past.removeFirst();
        }
        double longest = 0;
        for (double[] o : past) {
            longest = Math.max(longest, o[1] - o[0]);
        }
        return longest;
    }
}
