package org.classbox.drivers.camera;

import org.classbox.drivers.api.DeviceKeys;
import org.classbox.settings.ConfigException;

/**
 * Turns a camera configuration record's validation error, which starts with the short key ({@code port must be in
 * [1, 65535], but was 0}), into a ConfigException naming the full key ({@code devices.cam.port must be ...}), as
 * every configuration error names its key.
 */
public final class KeyErrors {
    private KeyErrors() {
    }

    public static ConfigException named(DeviceKeys keys, IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        String key = message.split(" ", 2)[0];
        return new ConfigException(keys.key(key), keys.key(key) + message.substring(key.length()));
    }
}
