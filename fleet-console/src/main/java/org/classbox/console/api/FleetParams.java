package org.classbox.console.api;

import io.vertx.core.MultiMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The query parameters of the fleet views, checked: each getter returns the value or throws
 * {@link IllegalArgumentException} with a message naming the parameter, what it must be and what it was. An empty
 * parameter ({@code ?region=}) is the same as none.
 */
final class FleetParams {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_.:-]{1,120}");

    private final MultiMap params;

    FleetParams(MultiMap params) {
        this.params = params;
    }

    /** Text up to {@code maxLength} characters, or null when absent or empty. */
    String text(String name, int maxLength) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters, but was "
                    + value.length() + " characters long");
        }
        return value;
    }

    /** A metric or alarm name ({@code [A-Za-z0-9/_.:-]}, up to 120 characters), or {@code otherwise}. */
    String name(String name, String otherwise) {
        String value = text(name, 1_000);
        if (value == null) {
            return otherwise;
        }
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must match " + NAME.pattern() + ", but was '" + shown(value)
                    + "'");
        }
        return value;
    }

    /** A required name: absent or empty is an error. */
    String requiredName(String name) {
        String value = name(name, null);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required, e.g. " + name + "=Link/RttMillis");
        }
        return value;
    }

    /** A whole number in [min, max], or {@code otherwise} when absent. */
    int integer(String name, int min, int max, int otherwise) {
        String value = text(name, 1_000);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, like a number out of range.
        }
        throw new IllegalArgumentException(name + " must be a whole number in [" + min + ", " + max + "], but was '"
                + shown(value) + "'");
    }

    /** One of a set of words, parsed by {@code parse} (null: not one of them), or {@code otherwise} when absent. */
    <T> T choice(String name, String words, Function<String, T> parse, T otherwise) {
        String value = text(name, 1_000);
        if (value == null) {
            return otherwise;
        }
        T parsed = parse.apply(value);
        if (parsed == null) {
            throw new IllegalArgumentException(name + " must be one of " + words + ", but was '" + shown(value) + "'");
        }
        return parsed;
    }

    /** What was sent, cut short: an error message never echoes a whole long input. */
    private static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
