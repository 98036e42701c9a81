package org.classbox.sim.projector;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What kind of projector the simulator plays: who it says it is, how many lamps it has (0 for laser and LED
 * projectors, which answer {@code LAMP} with ERR1) and which PJLink commands it does not implement (answered ERR1,
 * as cut-down implementations in the field do).
 *
 * @param manufacturer INF1, 1-32 printable ASCII characters
 * @param product      INF2, 1-32 printable ASCII characters
 * @param lamps        0 (no lamp) to 8, the PJLink maximum
 * @param unsupported  commands answered ERR1, four capitals or digits each
 * @param pjlinkClass  1 or 2: what CLSS answers, and whether {@code %2} requests and UDP search are answered
 */
public record ProjectorModel(String manufacturer, String product, int lamps, Set<String> unsupported,
                             int pjlinkClass) {
    // Before the constants below, which the constructor checks with them.
    private static final Pattern INFO = Pattern.compile("[\\x20-\\x7e]{1,32}");
    private static final Pattern COMMAND = Pattern.compile("[A-Z0-9]{4}");

    /** A lamp projector that implements all of Class 1. */
    public static final ProjectorModel LAMP = new ProjectorModel("classbox", "SIM-PJ1", 1, Set.of());
    /** A laser projector: no lamp, so {@code LAMP} is answered ERR1. */
    public static final ProjectorModel LASER = new ProjectorModel("classbox", "SIM-LASER1", 0, Set.of());
    /** A lamp projector whose cut-down PJLink lacks ERST, INF2 and INFO (answered ERR1), as some in the field do. */
    public static final ProjectorModel CUT_DOWN = new ProjectorModel("classbox", "SIM-CUT1", 1,
            Set.of("ERST", "INF2", "INFO"));

    public ProjectorModel {
        if (manufacturer == null || !INFO.matcher(manufacturer).matches()) {
            throw new IllegalArgumentException("projector model manufacturer must be 1-32 printable ASCII characters"
                    + " (PJLink INF1), but was '" + manufacturer + "'");
        }
        if (product == null || !INFO.matcher(product).matches()) {
            throw new IllegalArgumentException("projector model product must be 1-32 printable ASCII characters"
                    + " (PJLink INF2), but was '" + product + "'");
        }
        if (lamps < 0 || lamps > 8) {
            throw new IllegalArgumentException("projector model lamps must be in [0, 8], but was " + lamps);
        }
        if (pjlinkClass != 1 && pjlinkClass != 2) {
            throw new IllegalArgumentException("projector model pjlinkClass must be 1 or 2, but was " + pjlinkClass);
        }
        unsupported = Set.copyOf(unsupported);
        for (String command : unsupported) {
            if (!COMMAND.matcher(command).matches()) {
                throw new IllegalArgumentException("projector model unsupported commands must be four capitals or"
                        + " digits, but one was '" + command + "'");
            }
        }
    }

    /** A Class 1 model. */
    public ProjectorModel(String manufacturer, String product, int lamps, Set<String> unsupported) {
        this(manufacturer, product, lamps, unsupported, 1);
    }

    /** The same model, answering ERR1 to {@code commands} too. */
    public ProjectorModel withUnsupported(String... commands) {
        return new ProjectorModel(manufacturer, product, lamps, Set.of(commands), pjlinkClass);
    }

    /** The same model, implementing PJLink class {@code pjlinkClass} (1 or 2). */
    public ProjectorModel withClass(int pjlinkClass) {
        return new ProjectorModel(manufacturer, product, lamps, unsupported, pjlinkClass);
    }

    /** Without a lamp there is no lamp to count (LAMP) nor a replacement lamp to name (RLMP). */
    boolean supports(String command) {
        boolean lampCommand = command.equals("LAMP") || command.equals("RLMP");
        return !unsupported.contains(command) && !(lampCommand && lamps == 0);
    }
}
