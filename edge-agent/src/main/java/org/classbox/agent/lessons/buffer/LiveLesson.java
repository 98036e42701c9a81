package org.classbox.agent.lessons.buffer;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A lesson to follow live.
 *
 * @param id                 {@code [A-Za-z0-9._-]{1,48}}
 * @param source             its origin's (multivariant or media) playlist, http or https
 * @param mode               how its delay behind live is managed
 * @param delayTargetSeconds a broadcast lesson's fixed delay (0: the configured default; unused when interactive)
 * @param delayCapSeconds    the largest delay (0: the configured default)
 * @param start              scheduled start
 * @param end                scheduled end
 */
public record LiveLesson(String id, URI source, Mode mode, int delayTargetSeconds, int delayCapSeconds,
                         Instant start, Instant end) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,48}");

    /** {@code interactive}: near live, grows only as far as outages require; {@code broadcast}: fixed delay. */
    public enum Mode { INTERACTIVE, BROADCAST }

    public LiveLesson {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("lesson id must match [A-Za-z0-9._-]{1,48}, but was '" + id + "'");
        }
        Objects.requireNonNull(source, "source");
        if (!"http".equals(source.getScheme()) && !"https".equals(source.getScheme())) {
            throw new IllegalArgumentException("lesson " + id + ": source must be an http(s) URI, but was " + source);
        }
        Objects.requireNonNull(mode, "mode");
        if (delayTargetSeconds < 0 || delayCapSeconds < 0) {
            throw new IllegalArgumentException("lesson " + id + ": delays must be >= 0 seconds");
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
