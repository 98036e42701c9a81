package org.classbox.agent.classroom;

import java.time.Instant;
import java.util.Objects;

/**
 * A lesson as the classroom page lists it.
 *
 * @param state the schedule's word for it ({@code scheduled}, {@code live}, {@code ended}, ...), shown as given
 */
public record ClassroomLesson(String id, String title, Instant start, Instant end, String state) {
    public ClassroomLesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(state, "state");
    }

    /** Whether the lesson runs at {@code now}: its start has come and its end has not. */
    public boolean runsAt(Instant now) {
        return !now.isBefore(start) && now.isBefore(end);
    }
}
