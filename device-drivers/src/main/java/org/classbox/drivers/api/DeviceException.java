package org.classbox.drivers.api;

/**
 * A device operation that failed. The message names the device and its address, for example
 * {@code projector at 127.0.0.1:4352: no reply to POWR within 3000 ms}.
 */
public final class DeviceException extends RuntimeException {
    /** How it failed, so callers can react without parsing messages. */
    public enum Kind {
        /** Could not connect, or the connection broke. */
        UNREACHABLE,
        /** Connected, but no answer in time. */
        TIMEOUT,
        /** The device answered something the protocol does not allow. */
        PROTOCOL,
        /** The device refused our credentials. */
        AUTH,
        /** The device understood and refused the request. */
        REJECTED
    }

    private final Kind kind;
    private final String device;

    public DeviceException(Kind kind, String device, String message) {
        this(kind, device, message, null);
    }

    public DeviceException(Kind kind, String device, String message, Throwable cause) {
        super(device + ": " + message, cause);
        this.kind = kind;
        this.device = device;
    }

    public Kind kind() {
        return kind;
    }

    /** The device and its address, such as {@code projector at 127.0.0.1:4352}. */
    public String device() {
        return device;
    }
}
