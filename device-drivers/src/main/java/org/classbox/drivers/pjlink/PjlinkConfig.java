package org.classbox.drivers.pjlink;

import java.time.Duration;

/**
 * Where a PJLink projector is and how long to wait for it.
 *
 * @param password null or empty when the projector has authentication off; at most 32 characters
 * @param timeout  for the connection and for each reply
 * @param reprobe  how long queries the projector does not support are left unasked before trying them again
 */
public record PjlinkConfig(String host, int port, String password, Duration timeout, Duration reprobe) {
    /** Unsupported queries are tried again once a day: a firmware update may have added them. */
    public static final Duration DEFAULT_REPROBE = Duration.ofHours(24);

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
        if (reprobe == null || reprobe.toMinutes() < 1 || reprobe.toDays() > 30) {
            throw new IllegalArgumentException("PJLink reprobe interval must be in [1 minute, 30 days], but was "
                    + reprobe);
        }
    }

    /** A projector whose unsupported queries are tried again after {@link #DEFAULT_REPROBE}. */
    public PjlinkConfig(String host, int port, String password, Duration timeout) {
        this(host, port, password, timeout, DEFAULT_REPROBE);
    }

    /** How the device is named in errors and logs. */
    public String deviceName() {
        return "projector at " + host + ":" + port;
    }
}
