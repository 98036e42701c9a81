package org.classbox.agent.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * Lesson schedule and room preparation.
 *
 * @param prepareMinutes  how long before a lesson's start the room is prepared (projector on, on the lesson's input);
 *                        also the lead time within which a following lesson keeps the projector on
 * @param retrySeconds    time between attempts to bring the projector to the lesson's state (through its warm-up)
 * @param replanSeconds   how often the timers are planned again from the wall clock, so a clock set late (a box
 *                        without a real-time clock) still starts lessons on time
 * @param figuresSeconds  how often a live lesson's figures are reported (health); at most once a minute in
 *                        production, shorter only for tests
 */
public record ScheduleConfig(int prepareMinutes, int retrySeconds, int replanSeconds, int figuresSeconds) {
    public ScheduleConfig {
        Check.inRange("schedule.prepareMinutes", prepareMinutes, 0, 120);
        Check.inRange("schedule.retrySeconds", retrySeconds, 1, 600);
        Check.inRange("schedule.replanSeconds", replanSeconds, 1, 3600);
        Check.inRange("schedule.figuresSeconds", figuresSeconds, 1, 3600);
    }

    public static ScheduleConfig defaults() {
        return new ScheduleConfig(5, 10, 60, 60);
    }

    static ScheduleConfig from(Settings s) {
        return new ScheduleConfig(
                s.integer("schedule.prepareMinutes", 5),
                s.integer("schedule.retrySeconds", 10),
                s.integer("schedule.replanSeconds", 60),
                s.integer("schedule.figuresSeconds", 60));
    }
}
