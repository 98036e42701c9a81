package org.classbox.drivers.api;

/**
 * What a command did: a short human-readable detail ({@code "power on: warming up"}) and, for commands that fetch
 * something such as a camera snapshot, the bytes and their media type. Failures are {@link DeviceException}s.
 */
public record CommandOutcome(String detail, byte[] content, String contentType) {
    public static CommandOutcome done(String detail) {
        return new CommandOutcome(detail, null, null);
    }
}
