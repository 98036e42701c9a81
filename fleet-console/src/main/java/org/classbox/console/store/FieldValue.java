package org.classbox.console.store;

/**
 * A new value for one projector field, and its place in the box's order: the journal record id it came with (within
 * the box's current journal epoch). Larger is newer.
 */
public record FieldValue(ProjectorField field, Object value, long order) {
}
