package org.classbox.drivers.host;

import java.util.regex.Pattern;

/**
 * Parses what {@code chronyc -c tracking} prints: one CSV line of 14 fields, in the order of chronyc's
 * {@code tracking} report, except that the reference splits into its hex id and its name. Field 13 (from 0) is the
 * leap status. Pure: text in, answer or {@link IllegalArgumentException} out.
 *
 * <pre>
 *  0 reference id (8 hex digits)   1 reference name or address   2 stratum   3 ref time (UTC, s since the epoch)
 *  4 system time (s)   5 last offset (s)   6 RMS offset (s)   7 frequency (ppm)   8 residual freq (ppm)
 *  9 skew (ppm)   10 root delay (s)   11 root dispersion (s)   12 update interval (s)   13 leap status
 * </pre>
 */
final class ChronyTracking {
    static final int FIELDS = 14;
    private static final Pattern REFERENCE_ID = Pattern.compile("[0-9A-Fa-f]{8}");
    private static final Pattern STRATUM = Pattern.compile("[0-9]{1,2}");

    private ChronyTracking() {
    }

    /**
     * Whether chronyd says the clock is synchronised: leap status {@code Normal}, or {@code Insert second} /
     * {@code Delete second} (synchronised, with a leap second announced); false for {@code Not synchronised}.
     */
    static boolean synchronised(String output) {
        String line = output.strip();
        if (line.isEmpty()) {
            throw new IllegalArgumentException("chronyc printed nothing");
        }
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("expected one CSV line, but got " + line.lines().count() + " lines");
        }
        String[] fields = line.split(",", -1);
        if (fields.length != FIELDS) {
            throw new IllegalArgumentException("expected " + FIELDS + " CSV fields, but got " + fields.length
                    + ": " + abbreviated(line));
        }
        if (!REFERENCE_ID.matcher(fields[0]).matches() || !STRATUM.matcher(fields[2]).matches()) {
            throw new IllegalArgumentException("not a tracking report: " + abbreviated(line));
        }
        return switch (fields[13]) {
            case "Normal", "Insert second", "Delete second" -> true;
            case "Not synchronised" -> false;
            default -> throw new IllegalArgumentException("unknown leap status '" + abbreviated(fields[13]) + "'");
        };
    }

    private static String abbreviated(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
    }
}
