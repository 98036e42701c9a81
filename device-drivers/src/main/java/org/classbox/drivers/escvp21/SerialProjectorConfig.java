package org.classbox.drivers.escvp21;

import java.time.Duration;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.serial.SerialAddress;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;

/**
 * One RS-232 projector's settings, from {@code devices.<id>.*}.
 *
 * @param timeout      for opening the line and for each reply
 * @param powerTimeout for the reply to {@code PWR ON}/{@code PWR OFF}: Epson projectors send the prompt only once
 *                     warm-up is over, which takes up to a minute
 * @param poll         how often the supervisor probes the projector
 */
public record SerialProjectorConfig(String deviceId, SerialAddress address, Duration timeout, Duration powerTimeout,
                                    Duration poll) {
    public static final String DEFAULT_PORT = "/dev/ttyUSB0";
    public static final int DEFAULT_BAUD = 9600;
    public static final int DEFAULT_TIMEOUT_MILLIS = 5000;
    public static final int DEFAULT_POWER_TIMEOUT_MILLIS = 90_000;
    public static final int DEFAULT_POLL_MILLIS = 10_000;

    public SerialProjectorConfig {
        Check.notBlank("deviceId", deviceId);
        if (address == null || timeout == null || powerTimeout == null || poll == null) {
            throw new IllegalArgumentException("serial projector " + deviceId + ": address and durations are required");
        }
    }

    /** Reads and checks {@code devices.<id>.port|baud|timeoutMillis|powerTimeoutMillis|pollMillis}. */
    public static SerialProjectorConfig from(DeviceKeys keys) {
        String port = keys.string("port", DEFAULT_PORT);
        int baud = Check.inRange(keys.key("baud"), keys.integer("baud", DEFAULT_BAUD), SerialAddress.MIN_BAUD,
                SerialAddress.MAX_BAUD);
        int timeout = Check.inRange(keys.key("timeoutMillis"), keys.integer("timeoutMillis",
                DEFAULT_TIMEOUT_MILLIS), 100, 60_000);
        int powerTimeout = Check.inRange(keys.key("powerTimeoutMillis"), keys.integer("powerTimeoutMillis",
                DEFAULT_POWER_TIMEOUT_MILLIS), timeout, 300_000);
        int poll = Check.inRange(keys.key("pollMillis"), keys.integer("pollMillis", DEFAULT_POLL_MILLIS), 1000,
                3_600_000);
        SerialAddress address;
        try {
            address = new SerialAddress(port, baud);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(keys.key("port"), keys.key("port") + " " + e.getMessage());
        }
        return new SerialProjectorConfig(keys.deviceId(), address, Duration.ofMillis(timeout),
                Duration.ofMillis(powerTimeout), Duration.ofMillis(poll));
    }

    /** How the device is named in errors and logs: {@code serial projector room3 at tcp://127.0.0.1:7000}. */
    public String deviceName() {
        return "serial projector " + deviceId + " at " + address;
    }
}
