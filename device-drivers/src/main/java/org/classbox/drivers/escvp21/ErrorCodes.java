package org.classbox.drivers.escvp21;

import java.util.Map;

/**
 * Maps the code of {@code ERR?} onto the shared {@code Error} reading, in PJLink's terms ({@code ok},
 * {@code lamp:error}), so one alarm rule serves both protocols. ESC/VP21 reports one error at a time and has no
 * warning level, so every code is an error. Codes this table does not know (newer models add some) are
 * {@code other:error}: the projector says something is wrong, whatever it is.
 */
public final class ErrorCodes {
    /** The value of {@code Error} when nothing is wrong. */
    public static final String OK = "ok";

    private static final Map<String, String> PARTS = Map.ofEntries(
            Map.entry("00", OK),
            Map.entry("01", "fan"),       // fan error
            Map.entry("03", "lamp"),      // lamp failure at power on
            Map.entry("04", "temp"),      // high internal temperature
            Map.entry("06", "lamp"),      // lamp error
            Map.entry("07", "cover"),     // lamp cover open
            Map.entry("08", "filter"),    // cinema filter error
            Map.entry("0C", "filter"),    // low air flow: in practice a clogged air filter
            Map.entry("0D", "filter"),    // air filter air flow sensor error
            Map.entry("10", "temp"),      // cooling system (Peltier) error
            Map.entry("11", "temp"));     // cooling system (pump) error

    private ErrorCodes() {
    }

    /** {@code ok}, or {@code <part>:error} for a two-hex-digit code the codec has already checked. */
    public static String reading(String code) {
        String part = PARTS.getOrDefault(code, "other");
        return part.equals(OK) ? OK : part + ":error";
    }
}
