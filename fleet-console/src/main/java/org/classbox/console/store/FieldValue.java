package org.classbox.console.store;

/** A new value for one projector field, and when it was sampled. */
public record FieldValue(ProjectorField field, Object value, long takenAt) {
}
