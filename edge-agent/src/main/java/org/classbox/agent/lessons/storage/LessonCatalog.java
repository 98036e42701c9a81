package org.classbox.agent.lessons.storage;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** The lessons the box knows with their end times, oldest first for eviction (the lead wires the schedule's). */
@FunctionalInterface
public interface LessonCatalog {
    Future<List<KnownLesson>> lessons();

    /** A lesson id and when it ends. */
    record KnownLesson(String id, Instant end) {
    }
}
