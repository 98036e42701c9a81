package org.classbox.drivers.pjlink;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.classbox.drivers.api.DeviceException;

/**
 * The PJLink Class 2 UDP messages (port 4352): the search {@code %2SRCH}, its answer {@code %2ACKN=<MAC>}, and the
 * status notifications a projector sends by itself ({@code %2LKUP=<MAC>}, {@code %1POWR=1}, {@code %1ERST=000000},
 * {@code %1INPT=31}, {@code %2INPT=31}, {@code %1AVMT=30}). Pure: bytes in, values out, or a {@link DeviceException}
 * of kind PROTOCOL naming the sender and what was wrong. A datagram is one line; its CR is optional.
 */
public final class PjlinkDatagrams {
    /** What a controller broadcasts to find projectors. */
    public static final String SEARCH = "%2SRCH\r";

    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
    private static final Pattern LINE = Pattern.compile("%([12])([A-Z0-9]{4})=(.*)");

    private PjlinkDatagrams() {
    }

    /**
     * One notification from the projector at {@code sender} (its IP address): {@code command} is LKUP, POWR, ERST, INPT or AVMT; {@code value} the checked value (a MAC
     * in upper case for LKUP).
     */
    public record Notification(String sender, char pjlinkClass, String command, String value) {
    }

    /** The MAC address from {@code %2ACKN=<MAC>}, in upper case. */
    public static String parseAck(String sender, byte[] datagram) {
        Notification line = split(sender, datagram);
        if (line.pjlinkClass() != '2' || !line.command().equals("ACKN")) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, sender, "expected %2ACKN=<MAC>, but got '"
                    + PjlinkCodec.printable(text(datagram)) + "'");
        }
        return mac(sender, "ACKN", line.value());
    }

    /** Whether {@code datagram} is a search, which a projector answers with ACKN. */
    public static boolean isSearch(byte[] datagram) {
        String text = text(datagram);
        return text.equals(SEARCH) || text.equals(SEARCH.substring(0, SEARCH.length() - 1));
    }

    /** A status notification, its value checked as a reply to the same query would be. */
    public static Notification parseNotification(String senderHost, byte[] datagram) {
        String sender = "projector at " + senderHost;
        Notification line = split(sender, datagram);
        String value = line.value();
        String checked = switch (line.pjlinkClass() + line.command()) {
            case "2LKUP" -> mac(sender, "LKUP", value);
            case "1POWR" -> {
                PjlinkCodec.parsePower(sender, value);
                yield value;
            }
            case "1ERST" -> {
                PjlinkCodec.parseErrors(sender, value);
                yield value;
            }
            case "1INPT", "2INPT" -> PjlinkCodec.parseInput(sender, value);
            case "1AVMT" -> {
                Class2Values.parseMute(sender, value);
                yield value;
            }
            default -> throw new DeviceException(DeviceException.Kind.PROTOCOL, sender, "not a PJLink status"
                    + " notification: '" + PjlinkCodec.printable(text(datagram)) + "'");
        };
        if (checked == null) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, sender, line.command() + " notification without"
                    + " a value: '" + PjlinkCodec.printable(text(datagram)) + "'");
        }
        return new Notification(senderHost, line.pjlinkClass(), line.command(), checked);
    }

    private static Notification split(String sender, byte[] datagram) {
        if (datagram.length > PjlinkCodec.MAX_LINE) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, sender, "datagram of " + datagram.length
                    + " bytes exceeds the PJLink limit of " + PjlinkCodec.MAX_LINE);
        }
        String text = text(datagram);
        String line = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        var m = LINE.matcher(line);
        if (!m.matches()) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, sender, "expected %<class><command>=<value>,"
                    + " but got '" + PjlinkCodec.printable(text) + "'");
        }
        return new Notification(sender, m.group(1).charAt(0), m.group(2), m.group(3));
    }

    private static String mac(String sender, String command, String value) {
        if (!MAC.matcher(value).matches()) {
            throw new DeviceException(DeviceException.Kind.PROTOCOL, sender, command + " value must be a MAC address"
                    + " like 00:11:22:aa:bb:cc, but was '" + PjlinkCodec.printable(value) + "'");
        }
        return value.toUpperCase(Locale.ROOT);
    }

    private static String text(byte[] datagram) {
        return new String(datagram, StandardCharsets.ISO_8859_1);
    }
}
