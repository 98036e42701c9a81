package org.classbox.drivers.pjlink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.classbox.drivers.api.DeviceException;

/**
 * PJLink lines, both directions: Class 1 and the framing of Class 2 (the values only Class 2 has are
 * {@link Class2Values}'s). Pure: strings in, values out, or a {@link DeviceException} of kind
 * PROTOCOL (or AUTH, REJECTED) naming the offending line.
 */
public final class PjlinkCodec {
    /** The spec's longest line, terminator included. */
    public static final int MAX_LINE = 136;
    public static final char TERMINATOR = '\r';
    /** The spec's limits for NAME (projector name) and INF1/INF2/INFO (manufacturer, product, other). */
    public static final int MAX_NAME_BYTES = 64;
    public static final int MAX_INFO_BYTES = 32;
    /** At most 8 lamps, each {@code <hours 0-99999> <0|1>}. */
    public static final int MAX_LAMPS = 8;
    public static final long MAX_LAMP_HOURS = 99_999;

    private static final Pattern COMMAND = Pattern.compile("[A-Z0-9]{4}");
    private static final Pattern RANDOM = Pattern.compile("[0-9A-Fa-f]{8}");
    private static final Pattern INPUT = Pattern.compile("[1-9][1-9A-Z]");
    private static final Pattern ERST = Pattern.compile("[0-2]{6}");
    private static final Pattern CLASS = Pattern.compile("[1-9]");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7e]*");
    private static final Pattern LAMPS = Pattern.compile("\\d{1,5} [01]( \\d{1,5} [01]){0,7}");

    private PjlinkCodec() {
    }

    /** The greeting a projector sends on connect: {@code PJLINK 0}, or {@code PJLINK 1 <random>}. */
    public record Greeting(boolean authRequired, String random) {
    }

    public static String query(String command) {
        return query('1', command, "");
    }

    /** A query of class '1' or '2'; a Class 2 one may carry a parameter after the ? ({@code %2INNM ?31}). */
    public static String query(char pjlinkClass, String command, String parameter) {
        requireCommand(pjlinkClass, command);
        if (parameter.length() > 127 || parameter.contains("\r")) {
            throw new IllegalArgumentException("PJLink query parameter must be 0-127 characters without CR, but was '"
                    + parameter + "'");
        }
        return "%" + pjlinkClass + command + " ?" + parameter + TERMINATOR;
    }

    public static String set(String command, String parameter) {
        return set('1', command, parameter);
    }

    public static String set(char pjlinkClass, String command, String parameter) {
        requireCommand(pjlinkClass, command);
        if (parameter == null || parameter.isEmpty() || parameter.length() > 128 || parameter.contains("\r")) {
            throw new IllegalArgumentException("PJLink parameter must be 1-128 characters without CR, but was '"
                    + parameter + "'");
        }
        return "%" + pjlinkClass + command + " " + parameter + TERMINATOR;
    }

    public static Greeting parseGreeting(String device, String line) {
        requireLength(device, line);
        if (line.equals("PJLINK 0")) {
            return new Greeting(false, null);
        }
        if (line.startsWith("PJLINK 1 ") && RANDOM.matcher(line.substring(9)).matches()) {
            return new Greeting(true, line.substring(9));
        }
        if (line.equals("PJLINK ERRA")) {
            throw new DeviceException(DeviceException.Kind.AUTH, device, "authentication refused (PJLINK ERRA)");
        }
        throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "expected a PJLink greeting, but got '"
                + printable(line) + "'");
    }

    /** The 32 hex digits that prefix the first command when the projector asks for authentication. */
    public static String authDigest(String random, String password) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] digest = md5.digest((random + password).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    }

    /**
     * The value of a reply to a set command such as {@code %1POWR 1}: {@code %1POWR=OK} gives {@code OK}.
     * ERR1/ERR2/ERR4 become REJECTED, ERRA becomes AUTH; ERR3 (unavailable time) is returned as the value
     * {@code ERR3} for the caller to interpret.
     */
    public static String replyValue(String device, String command, String line) {
        return replyValue(device, '1', command, line);
    }

    /** As above, for a command sent with class {@code pjlinkClass}. */
    public static String replyValue(String device, char pjlinkClass, String command, String line) {
        QueryReply reply = parseQueryReply(device, pjlinkClass, command, line);
        switch (reply.outcome()) {
            case UNDEFINED:
                throw new DeviceException(DeviceException.Kind.REJECTED, device, command + ": undefined command (ERR1)");
            case OUT_OF_PARAMETER:
                throw new DeviceException(DeviceException.Kind.REJECTED, device, command + ": out of parameter (ERR2)");
            case FAILURE:
                throw new DeviceException(DeviceException.Kind.REJECTED, device, command
                        + ": projector failure (ERR4)");
            case UNAVAILABLE:
                return "ERR3";
            default:
                return reply.value();
        }
    }

    /**
     * A reply to a query such as {@code %1LAMP ?}: the value, or which error code the projector gave instead.
     * Only a line that is not a reply to {@code command} at all (or ERRA) is an exception, so a projector that lacks
     * a lamp ({@code %1LAMP=ERR1}) stays a projector that answers.
     */
    public static QueryReply parseQueryReply(String device, String command, String line) {
        return parseQueryReply(device, '1', command, line);
    }

    /** A reply to a query sent with class {@code pjlinkClass}: it must echo that class ({@code %2FILT=...}). */
    public static QueryReply parseQueryReply(String device, char pjlinkClass, String command, String line) {
        requireLength(device, line);
        if (line.equals("PJLINK ERRA")) {
            throw new DeviceException(DeviceException.Kind.AUTH, device, "wrong PJLink password (PJLINK ERRA)");
        }
        String prefix = "%" + pjlinkClass + command + "=";
        if (!line.startsWith(prefix)) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "expected a reply to " + command
                    + ", but got '" + printable(line) + "'");
        }
        String value = line.substring(prefix.length());
        switch (value) {
            case "ERR1":
                return new QueryReply(QueryReply.Outcome.UNDEFINED, null);
            case "ERR2":
                return new QueryReply(QueryReply.Outcome.OUT_OF_PARAMETER, null);
            case "ERR3":
                return new QueryReply(QueryReply.Outcome.UNAVAILABLE, null);
            case "ERR4":
                return new QueryReply(QueryReply.Outcome.FAILURE, null);
            case "ERRA":
                throw new DeviceException(DeviceException.Kind.AUTH, device, command + ": wrong PJLink password (ERRA)");
            default:
                return new QueryReply(QueryReply.Outcome.VALUE, value);
        }
    }

    public static boolean isUnavailable(String value) {
        return "ERR3".equals(value);
    }

    public static PowerState parsePower(String device, String value) {
        switch (value) {
            case "0":
                return PowerState.OFF;
            case "1":
                return PowerState.ON;
            case "2":
                return PowerState.COOLING;
            case "3":
                return PowerState.WARMING;
            case "ERR3":
                return PowerState.UNKNOWN;
            default:
                throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "POWR value must be 0-3, but was '"
                        + printable(value) + "'");
        }
    }

    /** The input code such as {@code 31}, or null when unavailable. */
    public static String parseInput(String device, String value) {
        if (isUnavailable(value)) {
            return null;
        }
        if (!INPUT.matcher(value).matches()) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "INPT value must be two characters like"
                    + " 31, but was '" + printable(value) + "'");
        }
        return value;
    }

    /** The first lamp's hours, or -1 when unavailable. */
    public static long parseLampHours(String device, String value) {
        if (isUnavailable(value)) {
            return -1;
        }
        if (!LAMPS.matcher(value).matches()) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "LAMP value must be '<hours> <0|1>' per"
                    + " lamp, but was '" + printable(value) + "'");
        }
        return Long.parseLong(value.substring(0, value.indexOf(' ')));
    }

    public static Map<ErrorPart, ErrorLevel> parseErrors(String device, String value) {
        Map<ErrorPart, ErrorLevel> errors = new EnumMap<>(ErrorPart.class);
        if (isUnavailable(value)) {
            return errors;
        }
        if (!ERST.matcher(value).matches()) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "ERST value must be six digits 0-2, but"
                    + " was '" + printable(value) + "'");
        }
        ErrorPart[] parts = ErrorPart.values();
        for (int i = 0; i < parts.length; i++) {
            errors.put(parts[i], ErrorLevel.values()[value.charAt(i) - '0']);
        }
        return errors;
    }

    /** The projector's name from {@code NAME}: at most 64 bytes, no control characters, UTF-8 (see below). */
    public static String parseName(String device, String value) {
        return parseUtf8(device, "NAME", value, MAX_NAME_BYTES);
    }

    /**
     * Text of at most {@code maxBytes} bytes (NAME, INNM). Class 2 projectors send UTF-8; bytes that are not UTF-8
     * are read as Latin-1. The line arrives as one char per byte.
     */
    static String parseUtf8(String device, String command, String value, int maxBytes) {
        requireText(device, command, value, maxBytes);
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return value;
        }
    }

    /** The manufacturer ({@code INF1}) or product name ({@code INF2}): at most 32 bytes, printable ASCII. */
    public static String parseInfo(String device, String command, String value) {
        requireText(device, command, value, MAX_INFO_BYTES);
        if (!PRINTABLE_ASCII.matcher(value).matches()) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, device, command + " value must be printable"
                    + " ASCII, but was '" + printable(value) + "'");
        }
        return value;
    }

    /** The PJLink class from {@code CLSS}: one digit, {@code 1} or {@code 2} today. */
    public static String parseClass(String device, String value) {
        if (!CLASS.matcher(value).matches()) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "CLSS value must be one digit 1-9, but"
                    + " was '" + printable(value) + "'");
        }
        return value;
    }

    static void requireText(String device, String command, String value, int maxBytes) {
        if (value.length() > maxBytes) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, device, command + " value must be at most "
                    + maxBytes + " bytes, but was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new DeviceException(DeviceException.Kind.PROTOCOL, device, command + " value must not hold"
                        + " control characters, but was '" + printable(value) + "'");
            }
        }
    }

    private static void requireCommand(char pjlinkClass, String command) {
        if (command == null || !COMMAND.matcher(command).matches()) {
            throw new IllegalArgumentException("PJLink command must be four capitals or digits, but was '"
                    + command + "'");
        }
        if (pjlinkClass != '1' && pjlinkClass != '2') {
            throw new IllegalArgumentException("PJLink class must be '1' or '2', but was '" + pjlinkClass + "'");
        }
    }

    static void requireLength(String device, String line) {
        if (line.length() + 1 > MAX_LINE) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "line of " + (line.length() + 1)
                    + " bytes exceeds the PJLink limit of " + MAX_LINE);
        }
    }

    /** Shows control characters and garbage safely in an error message. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 80; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return text.length() > 80 ? out + "..." : out.toString();
    }
}
