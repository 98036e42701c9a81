package org.classbox.console.store;

/** One metric value of one journal record of one box. {@code value} is its text form, null for a null value. */
public record Sample(BoxKey box, long epoch, long recordId, String metric, long takenAt, String value,
                     boolean historical) {
}
