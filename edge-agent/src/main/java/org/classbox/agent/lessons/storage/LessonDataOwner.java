package org.classbox.agent.lessons.storage;

import io.vertx.core.Future;
import java.util.Set;

/**
 * A part of the agent that keeps data per lesson on the box (recorded segments, materials). {@link Retention} asks
 * each owner how much a lesson takes and deletes a lesson through every owner, so no part deletes another's tables.
 */
public interface LessonDataOwner {
    /** Bytes this owner keeps on disk for {@code lessonId} (0 when none). */
    Future<Long> bytesOf(String lessonId);

    /** Deletes everything this owner keeps for {@code lessonId}; succeeds when there was nothing. */
    Future<Void> delete(String lessonId);

    /**
     * The lessons this owner holds data for, so a lesson the schedule no longer names is still found and evicted.
     * Owners that cannot list theirs keep the default.
     */
    default Future<Set<String>> lessonIds() {
        return Future.succeededFuture(Set.of());
    }
}
