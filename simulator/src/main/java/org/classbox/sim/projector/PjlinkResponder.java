package org.classbox.sim.projector;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classbox.drivers.pjlink.PowerState;

/**
 * Answers one PJLink Class 1 request line the way a projector would: a value, OK, ERR1 (undefined command), ERR2
 * (out of parameter), ERR3 (unavailable time, e.g. input while in standby). Pure apart from the state it reads and
 * changes.
 */
final class PjlinkResponder {
    private static final Pattern REQUEST = Pattern.compile("%1([A-Z0-9]{4}) (.{1,128})");
    private static final Pattern INPUT = Pattern.compile("[1-5][1-9]");

    private final ProjectorState state;

    PjlinkResponder(ProjectorState state) {
        this.state = state;
    }

    /** The reply line without its CR, or null when the line is not PJLink at all (the connection is closed). */
    String answer(String line) {
        Matcher m = REQUEST.matcher(line);
        if (!m.matches()) {
            return line.startsWith("%1") && line.length() >= 6 ? "%1" + line.substring(2, 6) + "=ERR1" : null;
        }
        String command = m.group(1);
        String parameter = m.group(2);
        return "%1" + command + "=" + value(command, parameter);
    }

    private String value(String command, String parameter) {
        boolean query = parameter.equals("?");
        switch (command) {
            case "POWR":
                return query ? String.valueOf(state.power().code()) : setPower(parameter);
            case "INPT":
                return query ? (state.power() == PowerState.ON ? state.input() : "ERR3") : setInput(parameter);
            case "LAMP":
                return query ? state.lampHours() + " " + (state.lampLit() ? 1 : 0) : "ERR2";
            case "ERST":
                return query ? state.errorDigits() : "ERR2";
            case "AVMT":
                return query ? "30" : "OK";
            case "NAME":
                return query ? "classbox projector simulator" : "ERR2";
            case "INF1":
                return query ? "classbox" : "ERR2";
            case "INF2":
                return query ? "SIM-PJ1" : "ERR2";
            case "INFO":
                return query ? "simulated PJLink Class 1 projector" : "ERR2";
            case "CLSS":
                return query ? "1" : "ERR2";
            case "INST":
                return query ? "11 12 31 32 51" : "ERR2";
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
        state.power(parameter.equals("1"));
        return "OK";
    }

    private String setInput(String parameter) {
        if (!INPUT.matcher(parameter).matches()) {
            return "ERR2";
        }
        if (state.power() != PowerState.ON) {
            return "ERR3";
        }
        state.input(parameter);
        return "OK";
    }
}
