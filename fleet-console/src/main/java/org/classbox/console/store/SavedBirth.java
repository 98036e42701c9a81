package org.classbox.console.store;

/** The latest birth of a box ({@code NBIRTH}) or of one of its devices ({@code DBIRTH}), kept as received. */
public record SavedBirth(String topic, byte[] payload) {
}
