package org.classbox.agent.classroom;

import io.vertx.core.Future;
import java.util.List;

/** The box's lessons, oldest start first; the agent's wiring answers it from the schedule. */
@FunctionalInterface
public interface LessonSource {
    Future<List<ClassroomLesson>> lessons();
}
