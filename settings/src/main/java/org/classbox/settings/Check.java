package org.classbox.settings;

import java.util.regex.Pattern;

/**
 * Validation used by configuration record constructors. Every failure names the key, the expectation and the value,
 * for example {@code uplink.keepAliveSeconds must be in [5, 3600], but was 0}.
 */
public final class Check {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Check() {
    }

    public static int inRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(key, key + " must be in [" + min + ", " + max + "], but was " + value);
        }
        return value;
    }

    public static long inRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigException(key, key + " must be in [" + min + ", " + max + "], but was " + value);
        }
        return value;
    }

    public static double inRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException(key, key + " must be in [" + min + ", " + max + "], but was " + value);
        }
        return value;
    }

    public static String notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, key + " must not be empty, but was '" + (value == null ? "" : value) + "'");
        }
        return value;
    }

    /**
     * An identifier that is safe in an MQTT topic level and a file name: letters, digits, '_', '.', '-', 1 to 64
     * characters, starting with a letter or digit.
     */
    public static String identifier(String key, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new ConfigException(key, key + " must be 1-64 letters, digits, '_', '.' or '-' starting with a letter"
                    + " or digit, but was '" + value + "'");
        }
        return value;
    }

    public static int port(String key, int value) {
        return inRange(key, value, 1, 65535);
    }

    public static void that(boolean condition, String key, String message) {
        if (!condition) {
            throw new ConfigException(key, key + " " + message);
        }
    }
}
