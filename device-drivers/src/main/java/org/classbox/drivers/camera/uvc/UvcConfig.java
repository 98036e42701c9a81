package org.classbox.drivers.camera.uvc;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A USB camera. Keys {@code devices.<id>.*}: {@code device=/dev/video0}, {@code sysRoot=/} (tests point it at a
 * fake tree), {@code pollMillis=60000}.
 */
public record UvcConfig(String device, Path sysRoot, Duration poll) {
    public UvcConfig {
        if (device == null || !device.matches("/dev/[A-Za-z0-9_./-]+") || device.contains("..")) {
            throw new IllegalArgumentException("device must be a /dev path such as /dev/video0, but was '" + device
                    + "'");
        }
        if (sysRoot == null || !sysRoot.isAbsolute()) {
            throw new IllegalArgumentException("sysRoot must be an absolute path, but was '" + sysRoot + "'");
        }
        if (poll == null || poll.toMillis() < 1000 || poll.toMillis() > 3_600_000) {
            throw new IllegalArgumentException("pollMillis must be in [1000, 3600000], but was "
                    + (poll == null ? null : poll.toMillis()));
        }
    }

    public String deviceName() {
        return "USB camera at " + device;
    }
}
