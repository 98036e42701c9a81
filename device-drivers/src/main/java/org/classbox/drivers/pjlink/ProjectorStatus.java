package org.classbox.drivers.pjlink;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One poll's answer. {@code input} is null and {@code lampHours} is -1 when the projector would not say: PJLink
 * ERR3 ("unavailable time", which many projectors answer in standby), ERR4 (failure), or a query it does not
 * support at all, which is then listed in {@code unsupported} (a laser or LED projector lists {@code LAMP}).
 *
 * @param info        who the projector last said it is (asked on first contact, after a failed poll and every
 *                    reprobe interval), or null when not known
 * @param unsupported PJLink commands this projector answered ERR1 or ERR2 to, in alphabetical order
 * @param class2      what only a Class 2 projector says, or null for a Class 1 projector
 */
public record ProjectorStatus(PowerState power, String input, long lampHours, Map<ErrorPart, ErrorLevel> errors,
                              ProjectorInfo info, List<String> unsupported, Class2Status class2) {
    public ProjectorStatus {
        Objects.requireNonNull(power, "power");
        errors = errors.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(errors));
        unsupported = List.copyOf(unsupported);
    }

    /** A Class 1 projector's status. */
    public ProjectorStatus(PowerState power, String input, long lampHours, Map<ErrorPart, ErrorLevel> errors,
                           ProjectorInfo info, List<String> unsupported) {
        this(power, input, lampHours, errors, info, unsupported, null);
    }

    /** A status of a projector whose identity and unsupported queries are not known. */
    public ProjectorStatus(PowerState power, String input, long lampHours, Map<ErrorPart, ErrorLevel> errors) {
        this(power, input, lampHours, errors, null, List.of());
    }

    /** {@code ok}, or the failing parts such as {@code lamp:warning,temperature:error}. */
    public String errorSummary() {
        String failing = new EnumMap<>(errors).entrySet().stream()
                .filter(e -> e.getValue() != ErrorLevel.OK)
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + ":" + e.getValue().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
        return failing.isEmpty() ? "ok" : failing;
    }
}
