package org.classbox.drivers.api;

import org.classbox.settings.Settings;

/**
 * The configuration keys of one device, {@code devices.<id>.*}, read with typed defaults through the agent's
 * {@link Settings} so unknown keys are still rejected and errors name the full key.
 */
public record DeviceKeys(String deviceId, Settings settings) {
    public String key(String name) {
        return "devices." + deviceId + "." + name;
    }

    public String string(String name, String defaultValue) {
        return settings.string(key(name), defaultValue);
    }

    public int integer(String name, int defaultValue) {
        return settings.integer(key(name), defaultValue);
    }

    public long longValue(String name, long defaultValue) {
        return settings.longValue(key(name), defaultValue);
    }

    public double decimal(String name, double defaultValue) {
        return settings.decimal(key(name), defaultValue);
    }

    public boolean bool(String name, boolean defaultValue) {
        return settings.bool(key(name), defaultValue);
    }
}
