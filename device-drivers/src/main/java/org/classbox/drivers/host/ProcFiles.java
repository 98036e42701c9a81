package org.classbox.drivers.host;

import java.util.OptionalLong;

/**
 * Parsers for the procfs files the host driver reads. Pure: text in, values out, or an
 * {@link IllegalArgumentException} saying what is wrong, which the reader turns into a PROTOCOL error naming the file.
 */
public final class ProcFiles {
    private ProcFiles() {
    }

    /** Total and available memory in MiB. */
    public record Memory(long totalMb, long availableMb) {
    }

    /**
     * {@code /proc/meminfo}: lines {@code MemTotal:  3884008 kB}. Kernels before 3.14 have no MemAvailable; then
     * free + buffers + cached is the usual estimate of what programs can still get.
     */
    public static Memory meminfo(String text) {
        OptionalLong total = kilobytes(text, "MemTotal");
        if (total.isEmpty()) {
            throw new IllegalArgumentException("no MemTotal line");
        }
        OptionalLong available = kilobytes(text, "MemAvailable");
        long availableKb;
        if (available.isPresent()) {
            availableKb = available.getAsLong();
        } else {
            OptionalLong free = kilobytes(text, "MemFree");
            if (free.isEmpty()) {
                throw new IllegalArgumentException("neither MemAvailable nor MemFree");
            }
            availableKb = free.getAsLong() + kilobytes(text, "Buffers").orElse(0) + kilobytes(text, "Cached").orElse(0);
        }
        if (availableKb > total.getAsLong()) {
            throw new IllegalArgumentException("available memory " + availableKb + " kB exceeds MemTotal "
                    + total.getAsLong() + " kB");
        }
        return new Memory(total.getAsLong() / 1024, availableKb / 1024);
    }

    private static OptionalLong kilobytes(String text, String field) {
        for (String line : text.split("\n")) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException(field + " is not '<number> kB': '" + line + "'");
                }
                return OptionalLong.of(nonNegative(field, parts[0]));
            }
        }
        return OptionalLong.empty();
    }

    /** {@code /proc/loadavg}: {@code 0.52 0.58 0.59 1/467 12345}; the first field, the 1-minute load average. */
    public static double loadOneMinute(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 5 || !parts[3].contains("/")) {
            throw new IllegalArgumentException("expected 5 fields '1m 5m 15m running/total lastpid', got '"
                    + abbreviate(text) + "'");
        }
        return nonNegativeDecimal("1-minute load", parts[0]);
    }

    /** {@code /proc/uptime}: {@code 12345.67 45678.90} (seconds up, seconds idle summed over CPUs); whole seconds up. */
    public static long uptimeSeconds(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected 2 fields 'up idle', got '" + abbreviate(text) + "'");
        }
        return (long) nonNegativeDecimal("uptime", parts[0]);
    }

    static long nonNegative(String what, String number) {
        try {
            long value = Long.parseLong(number);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the text
        }
        throw new IllegalArgumentException(what + " is not a whole number >= 0: '" + abbreviate(number) + "'");
    }

    static double nonNegativeDecimal(String what, String number) {
        try {
            double value = Double.parseDouble(number);
            if (value >= 0 && Double.isFinite(value) && number.matches("[0-9.]+")) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the text
        }
        throw new IllegalArgumentException(what + " is not a decimal number >= 0: '" + abbreviate(number) + "'");
    }

    /** At most 60 characters of a bad input for an error message: a garbage file can be long. */
    static String abbreviate(String text) {
        String printable = text.strip().replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "...";
    }
}
