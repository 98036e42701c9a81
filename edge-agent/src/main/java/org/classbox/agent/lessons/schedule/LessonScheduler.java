package org.classbox.agent.lessons.schedule;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.classbox.agent.config.ScheduleConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.sparkplug.lessons.Lesson;
import org.classbox.sparkplug.lessons.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the schedule into actions at their time: {@code schedule.prepareMinutes} before a lesson's start the room is
 * prepared (retried every {@code schedule.retrySeconds} through the projector's warm-up until it is confirmed or the
 * lesson ends; an alarm {@code Lesson/RoomNotReady} is journaled with the reason when the lesson starts in a room not
 * ready), at its start the {@link LessonStarter} starts it, at its end finishes it, and the room returns to idle unless
 * another lesson starts within the lead time, which is then prepared at once. A lesson running keeps the room: the
 * next lesson's preparation never switches the projector's input during it.
 *
 * <p>Timers are one-shot Vert.x timers, planned again from the wall clock on every schedule change and every
 * {@code schedule.replanSeconds}: a box without a real-time clock whose clock jumps when it finds the time still acts
 * on time, and only timers due within two re-plans exist at once. A lesson whose start has passed is started at once
 * (an agent restarted during a lesson); one whose end has passed is not. Runs on the agent's context.
 */
public final class LessonScheduler implements ScheduleListener {
    private static final Logger log = LoggerFactory.getLogger(LessonScheduler.class);
    /** How early a Vert.x timer may fire against the wall clock and still count as on time. */
    private static final long TIMER_SLACK_MILLIS = 2_000;

    private final Vertx vertx;
    private final ScheduleConfig config;
    private final RoomKeeper room;
    private final LessonStarter starter;
    private final LongSupplier clock;
    private final Set<Long> planned = new HashSet<>();
    /** Lessons started and not yet finished, by id. */
    private final Map<String, Lesson> live = new LinkedHashMap<>();
    private final Map<String, LessonState> states = new HashMap<>();
    private final List<BiConsumer<Lesson, LessonState>> stateListeners = new ArrayList<>();
    private Schedule schedule = Schedule.empty();
    private long replanTimer = -1;
    private boolean running;

    public LessonScheduler(Vertx vertx, ScheduleConfig config, Room room, LessonStarter starter, Journal journal,
                           LongSupplier clock) {
        this.vertx = vertx;
        this.config = config;
        this.room = new RoomKeeper(vertx, room, config.retrySeconds() * 1000L, journal, clock,
                this::stillScheduled);
        this.starter = starter;
        this.clock = clock;
    }

    /** Called with each lesson's state as it changes (on the agent's context). */
    public void onLessonState(BiConsumer<Lesson, LessonState> listener) {
        stateListeners.add(listener);
    }

    /** Called with each alarm record's id once it is in the journal. */
    public void onAppended(Consumer<Long> listener) {
        room.onAppended(listener);
    }

    public Future<Void> start() {
        running = true;
        replanTimer = vertx.setPeriodic(config.replanSeconds() * 1000L, id -> replan());
        replan();
        return Future.succeededFuture();
    }

    public Future<Void> stop() {
        running = false;
        cancelPlanned();
        room.stop();
        if (replanTimer >= 0) {
            vertx.cancelTimer(replanTimer);
        }
        return Future.succeededFuture();
    }

    @Override
    public void scheduleChanged(Schedule changed) {
        // A lesson that is gone or moved starts afresh: what was done for its old times no longer holds.
        for (Lesson old : schedule.lessons()) {
            Lesson now = changed.lesson(old.id()).orElse(null);
            boolean moved = now == null || !now.start().equals(old.start()) || !now.end().equals(old.end());
            if (moved && !live.containsKey(old.id())) {
                states.remove(old.id());
                room.forget(old.id());
            }
        }
        this.schedule = changed;
        if (running) {
            replan();
        }
    }

    /** The state of a lesson of the current schedule as the scheduler sees it now. */
    public LessonState state(String lessonId) {
        return states.getOrDefault(lessonId, LessonState.SCHEDULED);
    }

    private void replan() {
        if (!running) {
            return;
        }
        cancelPlanned();
        long now = clock.getAsLong();
        for (String id : List.copyOf(live.keySet())) {
            Lesson current = schedule.lesson(id).orElse(null);
            if (current == null || now >= current.end().toEpochMilli()) {
                end(live.get(id));
            }
        }
        if (room.preparing() != null && schedule.lesson(room.preparing()).isEmpty()) {
            room.stopPreparing();
        }
        long horizon = now + 2L * config.replanSeconds() * 1000L;
        for (Lesson lesson : schedule.lessons()) {
            long start = lesson.start().toEpochMilli();
            long end = lesson.end().toEpochMilli();
            if (now >= end) {
                continue;
            }
            at(now, horizon, start - config.prepareMinutes() * 60_000L, () -> prepare(lesson));
            at(now, horizon, start, () -> begin(lesson));
            at(now, horizon, end, () -> end(lesson));
        }
    }

    private void at(long now, long horizon, long when, Runnable action) {
        if (when > horizon) {
            return;
        }
        long[] timer = new long[1];
        timer[0] = vertx.setTimer(Math.max(1, when - now), id -> {
            planned.remove(timer[0]);
            if (running) {
                action.run();
            }
        });
        planned.add(timer[0]);
    }

    private void cancelPlanned() {
        planned.forEach(vertx::cancelTimer);
        planned.clear();
    }

    /** The lesson as the current schedule has it now, or null when it was removed or has ended. */
    private Lesson stillScheduled(Lesson lesson) {
        Lesson current = schedule.lesson(lesson.id()).orElse(null);
        return current != null && clock.getAsLong() < current.end().toEpochMilli() ? current : null;
    }

    private void prepare(Lesson planned) {
        Lesson lesson = stillScheduled(planned);
        if (lesson == null || !room.needsPreparing(lesson.id())) {
            return;
        }
        Lesson owner = nextWithinLead();
        if (owner == null || !owner.id().equals(lesson.id())) {
            // An earlier lesson (running, or due first) has the room: this one is prepared when that one ends.
            return;
        }
        if (!live.containsKey(lesson.id())) {
            moveTo(lesson, LessonState.PREPARING);
        }
        room.prepare(lesson);
    }

    private void begin(Lesson planned) {
        Lesson lesson = stillScheduled(planned);
        if (lesson == null || live.containsKey(lesson.id()) || states.get(lesson.id()) == LessonState.ENDED) {
            return;
        }
        live.put(lesson.id(), lesson);
        moveTo(lesson, LessonState.LIVE);
        log.info("lesson {} starts ({} to {})", lesson.id(), lesson.start(), lesson.end());
        // Also prepares a room whose lead time was missed (agent started late, prepareMinutes 0); a no-op if ready.
        prepare(lesson);
        starter.start(lesson).onFailure(e -> log.error("lesson {} could not start: {}", lesson.id(), e.getMessage()));
    }

    private void end(Lesson lesson) {
        if (live.remove(lesson.id()) == null) {
            return;
        }
        room.ended(lesson);
        moveTo(lesson, LessonState.ENDED);
        log.info("lesson {} ends", lesson.id());
        starter.finish(lesson.id()).onFailure(e -> log.error("lesson {} could not finish: {}", lesson.id(),
                e.getMessage()));
        Lesson next = nextWithinLead();
        if (next == null) {
            room.idle();
        } else {
            // The projector stays on; only what the next lesson needs changes (its input).
            prepare(next);
        }
    }

    /**
     * The lesson the room belongs to now: the first (by start) that has not ended and whose preparation is due, or
     * null. A timer may fire a little before the wall clock reaches its time, hence {@link #TIMER_SLACK_MILLIS}.
     */
    private Lesson nextWithinLead() {
        long now = clock.getAsLong() + TIMER_SLACK_MILLIS;
        long lead = config.prepareMinutes() * 60_000L;
        return schedule.lessons().stream()
                .filter(l -> states.get(l.id()) != LessonState.ENDED)
                .filter(l -> clock.getAsLong() < l.end().toEpochMilli() && l.start().toEpochMilli() - lead <= now)
                .findFirst().orElse(null);
    }

    private void moveTo(Lesson lesson, LessonState state) {
        if (states.put(lesson.id(), state) != state) {
            stateListeners.forEach(l -> l.accept(lesson, state));
        }
    }
}
