package org.classbox.console.commands;

import java.util.List;
import java.util.regex.Pattern;
import org.classbox.sparkplug.MetricType;

/**
 * Every command the console may send, with the type of its value, mirroring what the agent's drivers understand
 * (docs/protocol.md "Classroom devices"): a DCMD metric per device command, named and typed as the reading it sets,
 * and the node's NCMD {@code Node Control/Rebirth} and {@code Node Control/Reboot}. Whether a device of the box takes
 * a command is the box's to say (its {@code Command/<Name>} answer); the console refuses only what no box could.
 * Pure.
 */
public final class CommandCatalog {
    /** The value a command takes. */
    enum Kind {
        ON_OFF("\"on\" or \"off\""), INPUT("a PJLink input code such as \"31\""), BOOLEAN("true or false"),
        TRUE("true (or no value)"), LED("one of \"off\", \"steady\", \"slow-blink\", \"fast-blink\"");

        final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    /** A known command: its name (a pattern for {@code Relay/<name>}), its value and the devices that take it. */
    record Entry(String name, Pattern pattern, Kind kind, String devices) {
    }

    private static final List<Entry> DEVICE = List.of(
            entry("Power", Kind.ON_OFF, "projector"),
            entry("Input", Kind.INPUT, "projector"),
            entry("Mute/Video", Kind.BOOLEAN, "projector"),
            entry("Freeze", Kind.BOOLEAN, "projector"),
            entry("Snapshot", Kind.TRUE, "camera"),
            new Entry("Relay/<name>", Pattern.compile("Relay/[A-Za-z0-9_.-]{1,32}"), Kind.BOOLEAN, "gpio"),
            entry("Led/Pattern", Kind.LED, "gpio"),
            entry("Reboot", Kind.TRUE, "terminal"));
    private static final List<Entry> NODE = List.of(entry("Rebirth", Kind.TRUE, "the box"),
            entry("Reboot", Kind.TRUE, "the box"));
    private static final Pattern INPUT = Pattern.compile("[1-9][0-9A-Z]");
    private static final List<String> LED = List.of("off", "steady", "slow-blink", "fast-blink");
    private static final String NODE_CONTROL = "Node Control/";

    private CommandCatalog() {
    }

    /**
     * The command {@code name} with {@code value} (a JSON value: String, Boolean, Number or null) for {@code device}
     * (null or empty: the node itself), or an IllegalArgumentException naming the command and what it takes.
     */
    public static Command check(String device, String name, Object value) {
        boolean node = device == null || device.isEmpty();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is missing; known commands: " + known(node));
        }
        Entry entry = (node ? NODE : DEVICE).stream().filter(e -> e.pattern().matcher(name).matches()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + (node ? "node" : "device")
                        + " command '" + name + "'; known: " + known(node)
                        + (node ? " (device commands need a device)" : "")));
        Object checked = value(entry, name, value);
        if (node) {
            return new Command("", name, NODE_CONTROL + name, MetricType.BOOLEAN, checked);
        }
        return new Command(device, name, name, checked instanceof Boolean ? MetricType.BOOLEAN : MetricType.STRING,
                checked);
    }

    private static Object value(Entry entry, String name, Object value) {
        boolean ok = switch (entry.kind()) {
            case ON_OFF -> "on".equals(value) || "off".equals(value);
            case INPUT -> value instanceof String s && INPUT.matcher(s).matches();
            case BOOLEAN -> value instanceof Boolean;
            case TRUE -> value == null || Boolean.TRUE.equals(value);
            case LED -> value instanceof String s && LED.contains(s);
        };
        if (!ok) {
            throw new IllegalArgumentException("command " + name + " (" + entry.devices() + ") takes "
                    + entry.kind().expected + ", but was " + (value instanceof String s ? "\"" + s + "\"" : value));
        }
        return entry.kind() == Kind.TRUE ? Boolean.TRUE : value;
    }

    private static List<String> known(boolean node) {
        return (node ? NODE : DEVICE).stream().map(e -> e.name() + " (" + e.devices() + ")").toList();
    }

    private static Entry entry(String name, Kind kind, String devices) {
        return new Entry(name, Pattern.compile(Pattern.quote(name)), kind, devices);
    }

    /**
     * A checked command.
     *
     * @param device the device id, empty for the node
     * @param name   the command's name as operators and answers ({@code Command/<name>}) call it
     * @param metric the DCMD/NCMD metric that carries it
     */
    public record Command(String device, String name, String metric, MetricType type, Object value) {
        public boolean isNode() {
            return device.isEmpty();
        }

        /** The value as the commands table and the audit log show it. */
        public String valueText() {
            return String.valueOf(value);
        }
    }
}
