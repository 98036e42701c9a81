package org.classbox.drivers.gpio;

import java.util.LinkedHashMap;
import java.util.Map;
import org.classbox.settings.ConfigException;

/**
 * Parses {@code name:pin} lists such as {@code projector:17,screen:27}. Pins are BCM GPIO numbers of the 40-pin
 * header; 0 and 1 are left out because the Pi reserves them for the HAT identification EEPROM.
 */
final class PinPairs {
    static final int MIN_PIN = 2;
    static final int MAX_PIN = 27;

    private PinPairs() {
    }

    /** The pairs in the order given; empty text gives none. */
    static Map<String, Integer> parse(String key, String text) {
        Map<String, Integer> pairs = new LinkedHashMap<>();
        if (text.isBlank()) {
            return pairs;
        }
        for (String item : text.split(",", -1)) {
            String[] parts = item.trim().split(":", -1);
            if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]{1,32}")) {
                throw new ConfigException(key, key + " must be name:pin pairs such as projector:17,screen:27 (names"
                        + " of letters, digits, '_' or '-'), but was '" + text + "'");
            }
            if (pairs.containsKey(parts[0])) {
                throw new ConfigException(key, key + " names '" + parts[0] + "' twice in '" + text + "'");
            }
            pairs.put(parts[0], pin(key, parts[1]));
        }
        return pairs;
    }

    /** One BCM pin number. */
    static int pin(String key, String text) {
        try {
            int pin = Integer.parseInt(text.trim());
            if (pin >= MIN_PIN && pin <= MAX_PIN) {
                return pin;
            }
        } catch (NumberFormatException e) {
            // reported below with the text
        }
        throw new ConfigException(key, key + " pins must be BCM GPIO numbers in [" + MIN_PIN + ", " + MAX_PIN
                + "], but was '" + text.trim() + "'");
    }
}
