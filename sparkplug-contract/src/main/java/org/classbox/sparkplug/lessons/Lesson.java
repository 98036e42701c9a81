package org.classbox.sparkplug.lessons;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One scheduled lesson. Its Sparkplug device and journal stream is {@link #device()} ({@code lesson-<id>}).
 *
 * @param delay the lesson's own delay, or {@code null} for the box's configured defaults
 */
public record Lesson(String id, String title, Instant start, Instant end, URI source, LessonMode mode,
                     LessonDelay delay, List<Material> materials, RoomSetup room) {
    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(room, "room");
        materials = List.copyOf(materials);
        if (!ScheduleCodec.isLessonId(id)) {
            throw new IllegalArgumentException("lesson id must match " + ScheduleCodec.LESSON_ID + ", but was '"
                    + id + "'");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("lesson " + id + " must end after its start " + start + ", but ends "
                    + end);
        }
    }

    /** The Sparkplug device (and journal stream) of this lesson. */
    public String device() {
        return deviceOf(id);
    }

    public static String deviceOf(String lessonId) {
        return "lesson-" + lessonId;
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** True while {@code now} is in [start, end). */
    public boolean isOn(Instant now) {
        return !now.isBefore(start) && now.isBefore(end);
    }
}
