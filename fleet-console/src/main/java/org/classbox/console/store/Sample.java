package org.classbox.console.store;

/**
 * One metric value of one journal record of one box's device. {@code value} is its text form, null for a null value;
 * {@code device} is null only for rows stored before the console kept it (all of them the projector's).
 */
public record Sample(BoxKey box, String device, long epoch, long recordId, String metric, long takenAt, String value,
                     boolean historical) {
}
