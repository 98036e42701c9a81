package org.classbox.console.store;

/**
 * One back-channel record of a lesson: an event of the class (answer, question, help, attendance) or a camera
 * snapshot ({@code kind} {@code snapshot}, {@code picture} its JPEG), keyed like every record by (box, epoch,
 * record id).
 *
 * @param mediaTime lesson media time in seconds the class was seeing; null for a snapshot
 */
public record LessonEvent(BoxKey box, long epoch, long recordId, String lessonId, String kind, Double mediaTime,
                          String text, Long count, byte[] picture, long takenAt, boolean historical) {
}
