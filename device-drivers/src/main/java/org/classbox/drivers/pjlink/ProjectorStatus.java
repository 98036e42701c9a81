package org.classbox.drivers.pjlink;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One poll's answer. {@code input} is null and {@code lampHours} is -1 when the projector would not say (PJLink
 * ERR3, "unavailable time", which many projectors answer in standby).
 */
public record ProjectorStatus(PowerState power, String input, long lampHours, Map<ErrorPart, ErrorLevel> errors) {
    public ProjectorStatus {
        Objects.requireNonNull(power, "power");
        errors = errors.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(errors));
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
