package org.classbox.drivers.escvp21;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps ESC/VP21 source codes onto PJLink-style input codes (class digit then number: 1 RGB, 2 video, 3 digital, 4
 * storage, 5 network), so the shared {@code Input} reading and command mean the same for both protocols. Every
 * variant of a connector (Computer1 auto, analog, component) reads as that connector; setting an input selects its
 * plain variant. A source with no PJLink equivalent reads {@code vp21:<code>}, and {@code vp21:<code>} may be set to
 * select any source directly.
 */
public final class SourceCodes {
    private static final String RAW = "vp21:";
    private static final Pattern CODE = Pattern.compile("[0-9A-F]{2}");
    /** PJLink input to the ESC/VP21 source selected for it. */
    private static final Map<String, String> SELECT = Map.of(
            "11", "10",   // RGB 1: Computer1
            "12", "20",   // RGB 2: Computer2
            "13", "B0",   // RGB 3: BNC
            "21", "41",   // VIDEO 1: Video (RCA)
            "22", "42",   // VIDEO 2: S-Video
            "31", "30",   // DIGITAL 1: HDMI1
            "32", "A0",   // DIGITAL 2: HDMI2
            "41", "52",   // STORAGE 1: USB
            "51", "53",   // NETWORK 1: LAN
            "52", "51");  // NETWORK 2: USB Display (a computer's screen sent over USB)

    private SourceCodes() {
    }

    /** The {@code Input} reading for a source code the codec has already checked (two upper-case hex digits). */
    public static String input(String source) {
        char connector = source.charAt(0);
        if (connector == '1') {
            return "11";
        }
        if (connector == '2') {
            return "12";
        }
        return SELECT.entrySet().stream().filter(e -> e.getValue().equals(source)).map(Map.Entry::getKey)
                .findFirst().orElse(RAW + source);
    }

    /** The source code to select for {@code input}, or null when the input means nothing here. */
    public static String source(String input) {
        if (input.startsWith(RAW)) {
            String code = input.substring(RAW.length()).toUpperCase(Locale.ROOT);
            return CODE.matcher(code).matches() ? code : null;
        }
        return SELECT.get(input);
    }

    /** What {@link #source} accepts, for error messages. */
    public static String accepted() {
        return String.join(", ", new java.util.TreeSet<>(SELECT.keySet())) + " or vp21:<two hex digits>";
    }
}
