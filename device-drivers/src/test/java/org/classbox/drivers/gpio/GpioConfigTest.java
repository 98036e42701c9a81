package org.classbox.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class GpioConfigTest {
    @Test
    void reads_the_documented_defaults() {
        GpioConfig config = config(Map.of());
        assertEquals(GpioConfig.Platform.GPIOD, config.platform());
        assertEquals(List.of("projector", "screen"), List.copyOf(config.relays().keySet()), "in the order given");
        assertEquals(Map.of("projector", 17, "screen", 27), config.relays());
        assertFalse(config.activeLow());
        assertEquals(new GpioConfig.Button("help", 22, 50), config.button());
        assertEquals(23, config.ledPin());
        assertEquals(1000, config.pollMillis());
        assertEquals(Path.of(".", "gpio-relays.properties"), config.stateFile());
    }

    @Test
    void keeps_relay_states_in_the_state_file_under_the_state_dir() {
        GpioConfig config = config(Map.of("devices.gpio.stateDir", "/var/lib/classbox",
                "devices.gpio.stateFile", "relays.properties"));
        assertEquals(Path.of("/var/lib/classbox/relays.properties"), config.stateFile());
        assertError("devices.gpio.stateFile must not be empty, but was ''", Map.of("devices.gpio.stateFile", " "));
    }

    @Test
    void wires_nothing_where_keys_are_empty() {
        GpioConfig config = config(Map.of("devices.gpio.relays", "", "devices.gpio.button", "", "devices.gpio.led", ""));
        assertEquals(Map.of(), config.relays());
        assertNull(config.button());
        assertNull(config.ledPin());
    }

    @Test
    void rejects_a_pin_used_twice_naming_both_uses() {
        assertError("devices.gpio.led uses GPIO 22, which devices.gpio.button already uses",
                Map.of("devices.gpio.led", "22"));
        assertError("devices.gpio.relays (screen) uses GPIO 17, which devices.gpio.relays (projector) already uses",
                Map.of("devices.gpio.relays", "projector:17,screen:17"));
    }

    @Test
    void rejects_pins_that_are_not_bcm_gpio_numbers() {
        assertError("devices.gpio.led pins must be BCM GPIO numbers in [2, 27], but was '40'",
                Map.of("devices.gpio.led", "40"));
        assertError("devices.gpio.led pins must be BCM GPIO numbers in [2, 27], but was '1'",
                Map.of("devices.gpio.led", "1"));
        assertError("devices.gpio.relays pins must be BCM GPIO numbers in [2, 27], but was 'x'",
                Map.of("devices.gpio.relays", "projector:x"));
    }

    @Test
    void rejects_malformed_lists_and_values() {
        assertError("devices.gpio.relays must be name:pin pairs such as projector:17,screen:27 (names of letters,"
                + " digits, '_' or '-'), but was 'projector=17'", Map.of("devices.gpio.relays", "projector=17"));
        assertError("devices.gpio.relays names 'a' twice in 'a:17,a:18'", Map.of("devices.gpio.relays", "a:17,a:18"));
        assertError("devices.gpio.button must be one name:pin pair, but was {help=22, call=24}",
                Map.of("devices.gpio.button", "help:22,call:24"));
        assertError("devices.gpio.platform must be one of mock|gpiod, but was 'wiringpi'",
                Map.of("devices.gpio.platform", "wiringpi"));
        assertError("devices.gpio.debounceMillis must be in [0, 1000], but was 5000",
                Map.of("devices.gpio.debounceMillis", "5000"));
    }

    private static void assertError(String message, Map<String, String> values) {
        assertEquals(message, assertThrows(ConfigException.class, () -> config(values)).getMessage());
    }

    private static GpioConfig config(Map<String, String> values) {
        return GpioConfig.from(new DeviceKeys("gpio", Settings.of(values)));
    }
}
