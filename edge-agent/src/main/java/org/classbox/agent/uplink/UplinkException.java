package org.classbox.agent.uplink;

/** An MQTT operation that failed; the message names the broker and the topic. */
public final class UplinkException extends RuntimeException {
    public UplinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
