package org.classbox.drivers.gpio;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;

/**
 * The box's GPIO wiring.
 *
 * @param relays     relay names to BCM pins, in order; may be empty
 * @param activeLow  true when a relay is energised by a low pin (most cheap relay boards)
 * @param button     the help button, or null when none is wired
 * @param ledPin     the status LED's BCM pin, or null when none is wired
 * @param pollMillis how often the supervisor probes
 * @param stateFile  where each relay's last commanded state is kept, so a restart starts relays as they were left
 */
public record GpioConfig(String deviceId, Platform platform, Map<String, Integer> relays, boolean activeLow,
                         Button button, Integer ledPin, long pollMillis, Path stateFile) {
    /** Which Pi4J provider drives the pins. */
    public enum Platform { MOCK, GPIOD }

    /** A push button between the pin and ground, read with the internal pull-up: pressed reads low. */
    public record Button(String name, int pin, long debounceMillis) {
    }

    public GpioConfig {
        Check.notBlank("deviceId", deviceId);
        relays = Collections.unmodifiableMap(new LinkedHashMap<>(relays));
        if (stateFile == null) {
            throw new ConfigException("devices." + deviceId + ".stateFile", "devices." + deviceId
                    + ".stateFile must be given");
        }
    }

    /**
     * Reads {@code devices.<id>.platform} (gpiod), {@code relays} (projector:17,screen:27), {@code activeLow} (false),
     * {@code button} (help:22, empty for none), {@code debounceMillis} (50), {@code led} (23, empty for none) and
     * {@code pollMillis} (1000), {@code stateFile} (gpio-relays.properties) under {@code stateDir} (.). A pin used
     * twice fails naming the second key.
     */
    public static GpioConfig from(DeviceKeys keys) {
        Platform platform = Platform.valueOf(oneOf(keys, "platform", "gpiod", "mock", "gpiod").toUpperCase(Locale.ROOT));
        Map<String, Integer> relays = PinPairs.parse(keys.key("relays"), keys.string("relays",
                "projector:17,screen:27"));
        Map<Integer, String> used = new HashMap<>();
        relays.forEach((name, pin) -> claim(used, pin, keys.key("relays") + " (" + name + ")"));
        Map<String, Integer> buttons = PinPairs.parse(keys.key("button"), keys.string("button", "help:22"));
        Check.that(buttons.size() <= 1, keys.key("button"), "must be one name:pin pair, but was " + buttons);
        long debounce = Check.inRange(keys.key("debounceMillis"), keys.longValue("debounceMillis", 50), 0, 1000);
        Button button = null;
        for (Map.Entry<String, Integer> b : buttons.entrySet()) {
            claim(used, b.getValue(), keys.key("button"));
            button = new Button(b.getKey(), b.getValue(), debounce);
        }
        String led = keys.string("led", "23");
        Integer ledPin = led.isBlank() ? null : PinPairs.pin(keys.key("led"), led);
        if (ledPin != null) {
            claim(used, ledPin, keys.key("led"));
        }
        long poll = Check.inRange(keys.key("pollMillis"), keys.longValue("pollMillis", 1000), 100, 3_600_000);
        String stateDir = Check.notBlank(keys.key("stateDir"), keys.string("stateDir", "."));
        String stateFile = Check.notBlank(keys.key("stateFile"), keys.string("stateFile", "gpio-relays.properties"));
        return new GpioConfig(keys.deviceId(), platform, relays, keys.bool("activeLow", false), button, ledPin, poll,
                Path.of(stateDir).resolve(stateFile));
    }

    private static void claim(Map<Integer, String> used, int pin, String key) {
        String before = used.putIfAbsent(pin, key);
        if (before != null) {
            throw new ConfigException(key, key + " uses GPIO " + pin + ", which " + before + " already uses");
        }
    }

    private static String oneOf(DeviceKeys keys, String name, String defaultValue, String... allowed) {
        String value = keys.string(name, defaultValue);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw new ConfigException(keys.key(name), keys.key(name) + " must be one of " + String.join("|", allowed)
                + ", but was '" + value + "'");
    }

    /** How the device is named in errors and logs. */
    public String deviceName() {
        return deviceId + " pins on " + platform.name().toLowerCase(Locale.ROOT);
    }
}
