package org.classbox.drivers.pjlink;

import java.time.Duration;

/**
 * Where a PJLink projector is and how long to wait for it.
 *
 * @param password null or empty when the projector has authentication off; at most 32 characters
 * @param timeout  for the connection and for each reply
 */
public record PjlinkConfig(String host, int port, String password, Duration timeout) {
    public PjlinkConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("PJLink host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("PJLink port must be in [1, 65535], but was " + port);
        }
        if (password != null && password.length() > 32) {
            throw new IllegalArgumentException("PJLink password must be at most 32 characters, but was "
                    + password.length());
        }
        if (timeout == null || timeout.toMillis() < 1 || timeout.toMillis() > 60_000) {
            throw new IllegalArgumentException("PJLink timeout must be in [1, 60000] ms, but was " + timeout);
        }
    }

    /** How the device is named in errors and logs. */
    public String deviceName() {
        return "projector at " + host + ":" + port;
    }
}
