package org.classbox.drivers.pjlink;

import java.util.regex.Pattern;
import org.classbox.drivers.api.DeviceException;

/**
 * The values only PJLink Class 2 has, parsed from the text after {@code =}. Pure: a value out of its field's limits is
 * a {@link DeviceException} of kind PROTOCOL naming the device, the command and the value.
 */
public final class Class2Values {
    /** SNUM, SVER, RLMP, RFIL: at most 32 bytes of printable ASCII. */
    public static final int MAX_TEXT_BYTES = 32;
    /** INNM: at most 64 bytes, UTF-8. */
    public static final int MAX_INPUT_NAME_BYTES = 64;
    /** IRES's answer when the input has no signal. */
    public static final String NO_SIGNAL = "-";
    /** IRES's answer when the signal's resolution is not known. */
    public static final String UNKNOWN_SIGNAL = "*";

    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7e]*");
    private static final Pattern HOURS = Pattern.compile("\\d{1,5}");
    private static final Pattern RESOLUTION = Pattern.compile("[1-9]\\d{0,4}x[1-9]\\d{0,4}");

    private Class2Values() {
    }

    /** Whether video and audio are muted, from AVMT. */
    public record Mute(boolean video, boolean audio) {
    }

    /** SNUM (serial number), SVER (software version), RLMP or RFIL (replacement lamp or filter model). */
    public static String parseText(String device, String command, String value) {
        PjlinkCodec.requireText(device, command, value, MAX_TEXT_BYTES);
        if (!PRINTABLE_ASCII.matcher(value).matches()) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, device, command + " value must be printable"
                    + " ASCII, but was '" + PjlinkCodec.printable(value) + "'");
        }
        return value;
    }

    /** FILT: hours the filter has been used, 0-99999. */
    public static long parseFilterHours(String device, String value) {
        if (!HOURS.matcher(value).matches()) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "FILT value must be 1-5 digits of"
                    + " hours, but was '" + PjlinkCodec.printable(value) + "'");
        }
        return Long.parseLong(value);
    }

    /** INNM: the input's name as the projector shows it, such as {@code HDMI 1}. */
    public static String parseInputName(String device, String value) {
        return PjlinkCodec.parseUtf8(device, "INNM", value, MAX_INPUT_NAME_BYTES);
    }

    /**
     * IRES: {@code 1920x1080}, or {@link #NO_SIGNAL} or {@link #UNKNOWN_SIGNAL} as the projector sent them; each
     * dimension 1-99999.
     */
    public static String parseResolution(String device, String value) {
        if (value.equals(NO_SIGNAL) || value.equals(UNKNOWN_SIGNAL) || RESOLUTION.matcher(value).matches()) {
            return value;
        }
        throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "IRES value must be <width>x<height>, - or"
                + " *, but was '" + PjlinkCodec.printable(value) + "'");
    }

    /** FREZ: 1 frozen, 0 not. */
    public static boolean parseFreeze(String device, String value) {
        return switch (value) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "FREZ value must be 0 or 1,"
                    + " but was '" + PjlinkCodec.printable(value) + "'");
        };
    }

    /**
     * AVMT: {@code 11} video muted, {@code 21} audio muted, {@code 31} both, {@code 30} neither. {@code 10} and
     * {@code 20} (sent by some Class 1 projectors) say one is not muted and nothing of the other, read as not muted.
     */
    public static Mute parseMute(String device, String value) {
        return switch (value) {
            case "10", "20", "30" -> new Mute(false, false);
            case "11" -> new Mute(true, false);
            case "21" -> new Mute(false, true);
            case "31" -> new Mute(true, true);
            default -> throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "AVMT value must be 10, 11,"
                    + " 20, 21, 30 or 31, but was '" + PjlinkCodec.printable(value) + "'");
        };
    }
}
