package org.classbox.agent.lessons.schedule;

import io.vertx.core.Future;
import java.util.function.Function;
import org.classbox.sparkplug.lessons.Lesson;

/**
 * What the scheduler does at a lesson's start and end; the agent wires it to the lesson buffer
 * ({@code LessonBuffers.follow} and {@code finish}).
 */
public interface LessonStarter {
    /** At the lesson's start (or at once when the agent starts during the lesson). */
    Future<Void> start(Lesson lesson);

    /** At the lesson's end, or when a newer schedule no longer holds a lesson that had started. */
    Future<Void> finish(String lessonId);

    /** A starter that does nothing, for a box without a lesson buffer. */
    static LessonStarter none() {
        return of(lesson -> Future.succeededFuture(), id -> Future.succeededFuture());
    }

    static LessonStarter of(Function<Lesson, Future<Void>> start, Function<String, Future<Void>> finish) {
        return new LessonStarter() {
            @Override
            public Future<Void> start(Lesson lesson) {
                return start.apply(lesson);
            }

            @Override
            public Future<Void> finish(String lessonId) {
                return finish.apply(lessonId);
            }
        };
    }
}
