package org.classbox.agent.lessons.buffer;

/**
 * How far behind live a lesson plays. Broadcast: a fixed delay. Interactive: a few segment durations, grown to the
 * longest recent outage plus a margin. Both capped.
 */
record DelayPolicy(LiveLesson.Mode mode, double fixedSeconds, double capSeconds, int startSegments,
                   double marginSeconds) {

    double initialDelay(int targetDuration) {
        return target(targetDuration, 0);
    }

    double target(int targetDuration, double longestRecentOutage) {
        double wanted = mode == LiveLesson.Mode.BROADCAST ? fixedSeconds
                : Math.max(startSegments * (double) targetDuration,
                        longestRecentOutage > 0 ? longestRecentOutage + marginSeconds : 0);
        return Math.min(capSeconds, wanted);
    }
}
