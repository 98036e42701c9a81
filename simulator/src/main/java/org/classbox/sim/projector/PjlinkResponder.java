package org.classbox.sim.projector;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classbox.drivers.pjlink.PowerState;

/**
 * Answers one PJLink request line the way a projector would: a value, OK, ERR1 (undefined command), ERR2 (out of
 * parameter), ERR3 (unavailable time, e.g. input while in standby), ERR4 (failure: switching on with a blown lamp).
 * A Class 2 model also answers {@code %2} requests ({@link Class2Replies}). Pure apart from the state it reads and
 * changes.
 */
final class PjlinkResponder {
    private static final Pattern REQUEST = Pattern.compile("%([12])([A-Z0-9]{4}) (.{1,128})");
    private static final Pattern COMMAND = Pattern.compile("%[12][A-Z0-9]{4}.*", Pattern.DOTALL);

    private final ProjectorState state;
    private final ProjectorModel model;
    private final Class2Replies class2;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

    PjlinkResponder(ProjectorState state, ProjectorModel model) {
        this.state = state;
        this.model = model;
        this.class2 = new Class2Replies(state, model);
    }

    /**
     * The reply line without its CR, or null when the line is not PJLink at all (the connection is closed), which
     * includes a {@code %2} request to a Class 1 model. A line with a well-formed command but a malformed rest is
     * answered ERR1 with that command, never echoing bytes that are not a command.
     */
    String answer(String line) {
        boolean class2Request = line.startsWith("%2");
        if (class2Request && model.pjlinkClass() < 2) {
            return null;
        }
        Matcher m = REQUEST.matcher(line);
        if (!m.matches()) {
            return COMMAND.matcher(line).matches() ? line.substring(0, 6) + "=ERR1" : null;
        }
        String command = m.group(2);
        String parameter = m.group(3);
        requests.computeIfAbsent(command, c -> new LongAdder()).increment();
        String value = !model.supports(command) ? "ERR1"
                : class2Request ? class2.value(command, parameter) : value(command, parameter);
        return line.substring(0, 6) + "=" + value;
    }

    /** How many well-formed requests for {@code command} arrived, supported or not. */
    long requests(String command) {
        LongAdder count = requests.get(command);
        return count == null ? 0 : count.sum();
    }

    private String value(String command, String parameter) {
        boolean query = parameter.equals("?");
        switch (command) {
            case "POWR":
                return query ? String.valueOf(state.power().code()) : setPower(parameter);
            case "INPT":
                return query ? class2.input() : class2.setInput(parameter);
            case "LAMP":
                return query ? lamps() : "ERR2";
            case "ERST":
                return query ? state.errorDigits() : "ERR2";
            case "AVMT":
                return query ? state.mute() : state.mute(parameter) ? "OK" : "ERR2";
            case "NAME":
                // UTF-8 bytes, one char per byte: the simulator writes lines as ISO-8859-1.
                return query ? new String(state.name().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                        : "ERR2";
            case "INF1":
                return query ? model.manufacturer() : "ERR2";
            case "INF2":
                return query ? model.product() : "ERR2";
            case "INFO":
                return query ? "classbox PJLink simulator" : "ERR2";
            case "CLSS":
                return query ? String.valueOf(model.pjlinkClass()) : "ERR2";
            case "INST":
                return query ? String.join(" ", ProjectorState.INPUTS) : "ERR2";
            default:
                return "ERR1";
        }
    }

    private String setPower(String parameter) {
        PowerState now = state.power();
        if (!parameter.equals("0") && !parameter.equals("1")) {
            return "ERR2";
        }
        if (now == PowerState.WARMING || now == PowerState.COOLING) {
            return "ERR3";
        }
        if (parameter.equals("1") && state.lampFailed()) {
            return "ERR4";
        }
        state.power(parameter.equals("1"));
        return "OK";
    }

    /** {@code <hours> <0|1>} for each lamp; all lamps of the simulator burn together. */
    private String lamps() {
        String lamp = state.lampHours() + " " + (state.lampLit() ? 1 : 0);
        return String.join(" ", Collections.nCopies(model.lamps(), lamp));
    }
}
