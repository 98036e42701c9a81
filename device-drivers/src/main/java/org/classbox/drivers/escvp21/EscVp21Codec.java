package org.classbox.drivers.escvp21;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.classbox.drivers.api.DeviceException;

/**
 * ESC/VP21 on the wire, without I/O. A request is ASCII ending in CR ({@code PWR?\r}, {@code SOURCE 30\r}). The
 * projector answers zero or more CR-ended lines ({@code PWR=01\r}, or {@code ERR\r} when it refuses) and then its
 * {@code :} prompt, which means "done, send the next one". Errors are {@link DeviceException}s of kind PROTOCOL
 * naming the device and the command; a refusal is not an error here but an {@link Answer} the caller judges.
 */
public final class EscVp21Codec {
    /** The prompt that ends every reply. */
    public static final byte PROMPT = ':';
    /** Longest reply (before the prompt) we wait for; real ones are under 40 bytes. */
    public static final int MAX_REPLY = 128;
    /** What a projector says to a command it cannot carry out now, or does not know. */
    public static final String REFUSED = "ERR";

    private static final Pattern COMMAND = Pattern.compile("[A-Z]{2,8}(\\?| [A-Z0-9]{1,8})?");
    private static final Pattern TWO_DIGITS = Pattern.compile("[0-9]{2}");
    private static final Pattern TWO_HEX = Pattern.compile("[0-9A-F]{2}");
    private static final Pattern HOURS = Pattern.compile("[0-9]{1,6}");
    private static final Pattern SERIAL = Pattern.compile("[\\x21-\\x7E]{1,32}");

    /** An answer: a value (to a query), done (a command carried out), or refused ({@code ERR}). */
    public record Answer(String value, boolean refused) {
        static final Answer DONE = new Answer(null, false);
        static final Answer REFUSAL = new Answer(null, true);
    }

    private EscVp21Codec() {
    }

    /** The bytes of {@code command} ({@code PWR?}, {@code MUTE ON}) followed by CR. */
    public static byte[] request(String command) {
        if (!COMMAND.matcher(command).matches()) {
            throw new IllegalArgumentException("not an ESC/VP21 command: '" + printable(command) + "'");
        }
        return (command + "\r").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the reply to query {@code name}{@code ?}: {@code NAME=value} or a refusal. */
    public static Answer parseQuery(String device, String name, String reply) {
        List<String> lines = lines(device, name + "?", reply);
        if (lines.size() == 1 && lines.get(0).equals(REFUSED)) {
            return Answer.REFUSAL;
        }
        String prefix = name + "=";
        if (lines.size() != 1 || !lines.get(0).startsWith(prefix) || lines.get(0).length() == prefix.length()) {
            throw protocol(device, "answered '" + printable(reply) + "' to " + name + "?, expected " + prefix
                    + "<value> or ERR");
        }
        return new Answer(lines.get(0).substring(prefix.length()), false);
    }

    /** Reads the reply to a command that sets something: nothing but the prompt, or a refusal. */
    public static Answer parseCommand(String device, String command, String reply) {
        List<String> lines = lines(device, command, reply);
        if (lines.isEmpty()) {
            return Answer.DONE;
        }
        if (lines.size() == 1 && lines.get(0).equals(REFUSED)) {
            return Answer.REFUSAL;
        }
        throw protocol(device, "answered '" + printable(reply) + "' to " + command + ", expected only ':' or ERR");
    }

    public static PowerStatus parsePower(String device, String value) {
        PowerStatus status = TWO_DIGITS.matcher(value).matches() ? PowerStatus.ofCode(value) : null;
        if (status == null) {
            throw protocol(device, "PWR=" + printable(value) + " is not a power status 00-05");
        }
        return status;
    }

    public static long parseLampHours(String device, String value) {
        if (!HOURS.matcher(value).matches()) {
            throw protocol(device, "LAMP=" + printable(value) + " is not 1-6 digits of hours");
        }
        return Long.parseLong(value);
    }

    /** The {@code Error} reading for {@code ERR=<code>}. */
    public static String parseError(String device, String value) {
        return ErrorCodes.reading(hex(device, "ERR", value));
    }

    /** A source code such as {@code 30}, upper case. */
    public static String parseSource(String device, String value) {
        return hex(device, "SOURCE", value);
    }

    /** {@code ON} or {@code OFF}, as MUTE and FREEZE answer. */
    public static boolean parseOnOff(String device, String name, String value) {
        return switch (value) {
            case "ON" -> true;
            case "OFF" -> false;
            default -> throw protocol(device, name + "=" + printable(value) + " is neither ON nor OFF");
        };
    }

    public static String parseSerial(String device, String value) {
        if (!SERIAL.matcher(value).matches()) {
            throw protocol(device, "SNO=" + printable(value) + " is not a serial number of 1-32 visible characters");
        }
        return value;
    }

    /** Text safe for a log line: control and non-ASCII bytes as {@code \xNN}, CR as {@code \r}, cut at 60. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (out.length() >= 60) {
                return out.append("...").toString();
            }
            if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\x%02X", (int) c & 0xFF));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String hex(String device, String name, String value) {
        if (!TWO_HEX.matcher(value).matches()) {
            throw protocol(device, name + "=" + printable(value) + " is not two hex digits");
        }
        return value;
    }

    /** The non-empty lines of a reply; LF is tolerated (some bridges add it), any other control byte is not. */
    private static List<String> lines(String device, String command, String reply) {
        List<String> lines = new ArrayList<>();
        for (String line : reply.split("\r", -1)) {
            String trimmed = line.replace("\n", "");
            for (char c : trimmed.toCharArray()) {
                if (c < 0x20 || c > 0x7E) {
                    throw protocol(device, "answered bytes that are not ESC/VP21 text to " + command + ": '"
                            + printable(reply) + "'");
                }
            }
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        return lines;
    }

    static DeviceException protocol(String device, String message) {
        return new DeviceException(DeviceException.Kind.PROTOCOL, device, message);
    }
}
