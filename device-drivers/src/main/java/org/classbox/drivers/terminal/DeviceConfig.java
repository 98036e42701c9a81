package org.classbox.drivers.terminal;

import java.util.function.Supplier;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.settings.ConfigException;

/**
 * Builds a configuration record whose constructor checks short key names ({@code probeAttempts}) and re-throws its
 * {@link ConfigException} with the device's full key ({@code devices.sat.probeAttempts}), so the error names the key
 * as the user wrote it. Values must be read before, outside {@code build}: Settings already names full keys.
 */
public final class DeviceConfig {
    private DeviceConfig() {
    }

    public static <T> T build(DeviceKeys keys, Supplier<T> build) {
        try {
            return build.get();
        } catch (ConfigException e) {
            String prefix = keys.key("");
            if (e.key().startsWith(prefix)) {
                throw e;
            }
            throw new ConfigException(keys.key(e.key()), prefix + e.getMessage());
        }
    }
}
