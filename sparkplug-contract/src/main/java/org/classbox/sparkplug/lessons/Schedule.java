package org.classbox.sparkplug.lessons;

import java.util.List;
import java.util.Optional;

/**
 * One version of a box's schedule: the whole list of its lessons, ordered by start, none overlapping. A newer version
 * replaces the older one whole.
 */
public record Schedule(long version, List<Lesson> lessons) {
    public Schedule {
        if (version < 0) {
            throw new IllegalArgumentException("schedule version must be 0 or more, but was " + version);
        }
        lessons = List.copyOf(lessons);
    }

    /** Version 0 with no lessons: what a box has before its first schedule. */
    public static Schedule empty() {
        return new Schedule(0, List.of());
    }

    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
