package org.classbox.agent.lessons.schedule;

import org.classbox.sparkplug.lessons.Schedule;

/** Told of each schedule the box runs: the stored one at start, then every newer version applied. */
@FunctionalInterface
public interface ScheduleListener {
    void scheduleChanged(Schedule schedule);
}
