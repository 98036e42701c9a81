package org.classbox.sim.projector;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.classbox.drivers.pjlink.PowerState;

/**
 * The values of {@code %2} requests: the Class 2 versions of INPT, AVMT and INST, and the queries only Class 2 has
 * (SNUM, SVER, FILT, RLMP, RFIL, INNM, IRES, FREZ). Every other command under {@code %2} is ERR1, as the spec
 * defines no Class 2 form of it.
 */
final class Class2Replies {
    /** INNM per input; a French room's projector may show non-ASCII names, so one is sent as UTF-8. */
    private static final Map<String, String> INPUT_NAMES = Map.of("11", "RGB 1", "12", "RGB 2", "31", "HDMI 1",
            "32", "HDMI 2", "51", "R\u00e9seau");
    /** IRES per input while on: what the simulated sources send. */
    private static final Map<String, String> RESOLUTIONS = Map.of("11", "1024x768", "12", "*", "31", "1920x1080",
            "32", "3840x2160", "51", "-");

    private final ProjectorState state;
    private final ProjectorModel model;

    Class2Replies(ProjectorState state, ProjectorModel model) {
        this.state = state;
        this.model = model;
    }

    String value(String command, String parameter) {
        boolean query = parameter.equals("?");
        switch (command) {
            case "INPT":
                return query ? input() : setInput(parameter);
            case "AVMT":
                return query ? state.mute() : state.mute(parameter) ? "OK" : "ERR2";
            case "INST":
                return query ? String.join(" ", ProjectorState.INPUTS) : "ERR2";
            case "SNUM":
                return query ? "SIM" + String.format("%08d", Math.abs(model.product().hashCode()) % 100_000_000)
                        : "ERR2";
            case "SVER":
                return query ? "classbox-sim 2.0" : "ERR2";
            case "FILT":
                return query ? String.valueOf(state.filterHours()) : "ERR2";
            case "RLMP":
                return query ? partNumber("LMP-") : "ERR2";
            case "RFIL":
                return query ? partNumber("FLT-") : "ERR2";
            case "INNM":
                return inputName(parameter);
            case "IRES":
                return !query ? "ERR2" : state.power() == PowerState.ON ? RESOLUTIONS.get(state.input()) : "ERR3";
            case "FREZ":
                return query ? (state.frozen() ? "1" : "0") : setFreeze(parameter);
            default:
                return "ERR1";
        }
    }

    /** INPT, either class: the input, or ERR3 while not on. */
    String input() {
        return state.power() == PowerState.ON ? state.input() : "ERR3";
    }

    String setInput(String parameter) {
        if (!ProjectorState.INPUTS.contains(parameter)) {
            return "ERR2";
        }
        if (state.power() != PowerState.ON) {
            return "ERR3";
        }
        state.input(parameter);
        return "OK";
    }

    /** A replacement part's model number: the prefix and the product name, within RLMP/RFIL's 32 bytes. */
    private String partNumber(String prefix) {
        String product = model.product();
        return prefix + product.substring(0, Math.min(product.length(), 32 - prefix.length()));
    }

    /** {@code ?31} names input 31; the name goes out as UTF-8, one char per byte. */
    private static String inputName(String parameter) {
        String name = parameter.startsWith("?") ? INPUT_NAMES.get(parameter.substring(1)) : null;
        if (name == null) {
            return "ERR2";
        }
        return new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private String setFreeze(String parameter) {
        if (!parameter.equals("0") && !parameter.equals("1")) {
            return "ERR2";
        }
        if (state.power() != PowerState.ON) {
            return "ERR3";
        }
        state.frozen(parameter.equals("1"));
        return "OK";
    }
}
