package org.classbox.agent.classroom;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the classroom server reads from the rest of the agent, as small functions the agent's wiring supplies: the
 * lessons (from the schedule), the link's state (from the uplink) and a lesson's buffer figures (from the buffer).
 */
public record ClassroomSources(LessonSource lessons, Supplier<String> linkState,
                               Function<String, Optional<BufferFigures>> buffer) {
    public ClassroomSources {
        Objects.requireNonNull(lessons, "lessons");
        Objects.requireNonNull(linkState, "linkState");
        Objects.requireNonNull(buffer, "buffer");
    }
}
