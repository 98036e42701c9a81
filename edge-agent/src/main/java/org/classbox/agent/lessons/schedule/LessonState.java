package org.classbox.agent.lessons.schedule;

import java.util.Locale;

/** Where a lesson is in its day, as the scheduler moves it and {@code Lesson/State} reports it. */
public enum LessonState {
    SCHEDULED, PREPARING, LIVE, ENDED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
