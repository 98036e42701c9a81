package org.classbox.console.store;

/** The projector's latest known state; fields are null when never reported. */
public record ProjectorView(String power, String input, Long lampHours, String error, Boolean reachable) {
}
