package org.classbox.agent.lessons.schedule;

import io.vertx.core.Future;
import org.classbox.sparkplug.lessons.RoomSetup;

/**
 * The classroom's devices as a lesson needs them. One step each: the {@link LessonScheduler} calls again until the
 * room is ready or the lesson is over, so a projector still warming up is simply asked again later.
 */
public interface Room {
    /**
     * One attempt towards {@code setup}: succeeds with true once the room is confirmed ready, false when it is on
     * its way (warming up, input not switched yet); fails with the reason it cannot be reached or refused.
     */
    Future<Boolean> prepare(RoomSetup setup);

    /** One attempt to return the room to idle (projector off); succeeds with true once confirmed. */
    Future<Boolean> idle();

    /** A room without a projector to prepare: always ready, always idle. */
    Room NONE = new Room() {
        @Override
        public Future<Boolean> prepare(RoomSetup setup) {
            return Future.succeededFuture(true);
        }

        @Override
        public Future<Boolean> idle() {
            return Future.succeededFuture(true);
        }
    };
}
