package org.classbox.drivers.host;

import java.util.Locale;

/**
 * Parsers for the sysfs files the host driver reads: thermal zones, the Raspberry Pi firmware's throttling flags and
 * an eMMC/SD card's wear estimate. Pure, like {@link ProcFiles}.
 */
public final class SysFiles {
    private SysFiles() {
    }

    /**
     * The firmware's throttling word, as {@code vcgencmd get_throttled} prints it and as
     * {@code /sys/devices/platform/soc/soc:firmware/get_throttled} holds it. Bit 0 under-voltage now, bit 2 throttled
     * now, bit 16 under-voltage since boot, bit 18 throttled since boot.
     */
    public record Throttling(int bits) {
        public boolean underVoltageNow() {
            return (bits & 1) != 0;
        }

        public boolean throttledNow() {
            return (bits & (1 << 2)) != 0;
        }

        public boolean underVoltageSinceBoot() {
            return (bits & (1 << 16)) != 0;
        }

        public boolean throttledSinceBoot() {
            return (bits & (1 << 18)) != 0;
        }
    }

    /** A thermal zone's {@code temp}: millidegrees Celsius ({@code 48312}); some drivers give negative values. */
    public static double celsius(String text) {
        String value = text.trim();
        if (!value.matches("-?[0-9]{1,7}")) {
            throw new IllegalArgumentException("temperature is not whole millidegrees: '"
                    + ProcFiles.abbreviate(text) + "'");
        }
        double celsius = Long.parseLong(value) / 1000.0;
        if (celsius < -60 || celsius > 200) {
            throw new IllegalArgumentException("temperature " + celsius + " °C is outside [-60, 200]");
        }
        return celsius;
    }

    /**
     * The throttling word: the sysfs file holds bare hex ({@code 50005}), vcgencmd prints {@code throttled=0x50005};
     * both are accepted.
     */
    public static Throttling throttling(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("throttled=")) {
            value = value.substring("throttled=".length());
        }
        if (value.startsWith("0x")) {
            value = value.substring(2);
        }
        if (!value.matches("[0-9a-f]{1,8}")) {
            throw new IllegalArgumentException("throttling flags are not hexadecimal: '"
                    + ProcFiles.abbreviate(text) + "'");
        }
        return new Throttling((int) Long.parseLong(value, 16));
    }

    /**
     * An eMMC {@code life_time} ({@code 0x01 0x02}: estimates for type A and type B memory, each 0x01 = 0-10 %
     * of the rated erase cycles used ... 0x0a = 90-100 %, 0x0b = exceeded). The worse of the two, as the upper bound
     * of its band in percent, capped at 100; null when the card says "not defined" (0x00) for both.
     */
    public static Double wearPercent(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected 2 fields 'typeA typeB', got '" + ProcFiles.abbreviate(text)
                    + "'");
        }
        int worst = Math.max(lifeTimeBand(parts[0]), lifeTimeBand(parts[1]));
        return worst == 0 ? null : Math.min(100.0, worst * 10.0);
    }

    private static int lifeTimeBand(String field) {
        if (!field.matches("0x[0-9a-fA-F]{2}")) {
            throw new IllegalArgumentException("life time estimate is not 0xNN: '" + ProcFiles.abbreviate(field)
                    + "'");
        }
        int band = Integer.parseInt(field.substring(2), 16);
        if (band > 0x0b) {
            throw new IllegalArgumentException("life time estimate " + field + " is above 0x0b");
        }
        return band;
    }
}
