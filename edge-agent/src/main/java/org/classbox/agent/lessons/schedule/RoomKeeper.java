package org.classbox.agent.lessons.schedule;

import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.lessons.Lesson;
import org.classbox.sparkplug.lessons.LessonMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the room to one lesson's setup, or to idle, by repeating {@link Room} steps every {@code retrySeconds} until
 * they are confirmed: one lesson at a time (a new one replaces the one being prepared), until the lesson is over.
 * Raises the alarm {@code Lesson/RoomNotReady} (stream {@code lesson-<id>}) with the reason when a lesson has started
 * in a room not ready, and clears it (empty) when the room becomes ready or the lesson ends. The
 * {@link LessonScheduler} decides which lesson has the room. Runs on the agent's context.
 */
final class RoomKeeper {
    private static final Logger log = LoggerFactory.getLogger(RoomKeeper.class);
    /** Enough to wait out a projector's cool-down at any retry interval the configuration allows. */
    private static final int IDLE_ATTEMPTS = 30;

    private final Vertx vertx;
    private final Room room;
    private final long retryMillis;
    private final Journal journal;
    private final LongSupplier clock;
    /** The lesson as the schedule has it now, or null once it was removed or has ended. */
    private final UnaryOperator<Lesson> current;
    /** Lessons whose room is confirmed ready. */
    private final Set<String> ready = new HashSet<>();
    /** Lessons with a raised {@code Lesson/RoomNotReady} alarm. */
    private final Set<String> alarmed = new HashSet<>();
    private Consumer<Long> appended = id -> { };
    /** The lesson whose room is being prepared, and its retry timer. */
    private String preparing;
    private long retryTimer = -1;
    private boolean idling;
    private int idleAttemptsLeft;
    private boolean running = true;

    RoomKeeper(Vertx vertx, Room room, long retryMillis, Journal journal, LongSupplier clock,
               UnaryOperator<Lesson> current) {
        this.vertx = vertx;
        this.room = room;
        this.retryMillis = retryMillis;
        this.journal = journal;
        this.clock = clock;
        this.current = current;
    }

    void onAppended(Consumer<Long> listener) {
        this.appended = listener;
    }

    /** Whether the room needs work for {@code lessonId}: it is neither ready for it nor being prepared for it. */
    boolean needsPreparing(String lessonId) {
        return !ready.contains(lessonId) && !lessonId.equals(preparing);
    }

    String preparing() {
        return preparing;
    }

    /** Starts bringing the room to {@code lesson}'s setup, in place of any other lesson's. */
    void prepare(Lesson lesson) {
        stopPreparing();
        idling = false;
        preparing = lesson.id();
        log.info("preparing the room for lesson {} (starts {}): {}", lesson.id(), lesson.start(), lesson.room());
        attempt(lesson);
    }

    private void attempt(Lesson planned) {
        room.prepare(planned.room()).onComplete(result -> {
            Lesson lesson = current.apply(planned);
            if (!running || lesson == null || !lesson.id().equals(preparing)) {
                return;
            }
            retryTimer = -1;
            if (result.succeeded() && result.result()) {
                preparing = null;
                ready.add(lesson.id());
                log.info("room ready for lesson {}", lesson.id());
                if (alarmed.remove(lesson.id())) {
                    journalAlarm(lesson, "");
                }
                return;
            }
            String reason = result.failed() ? result.cause().getMessage() : "the projector is not on the lesson's"
                    + " input yet (warming up or switching)";
            log.debug("room for lesson {} not ready: {}", lesson.id(), reason);
            if (clock.getAsLong() >= lesson.start().toEpochMilli() && alarmed.add(lesson.id())) {
                log.warn("lesson {} started in a room not ready: {}", lesson.id(), reason);
                journalAlarm(lesson, reason);
            }
            retryTimer = vertx.setTimer(retryMillis, id -> attempt(lesson));
        });
    }

    void stopPreparing() {
        preparing = null;
        if (retryTimer >= 0) {
            vertx.cancelTimer(retryTimer);
            retryTimer = -1;
        }
    }

    /** What was done for {@code lessonId}'s room no longer holds (its times changed): it is prepared afresh. */
    void forget(String lessonId) {
        ready.remove(lessonId);
    }

    /** The lesson is over: stop preparing it and clear its alarm. */
    void ended(Lesson lesson) {
        ready.remove(lesson.id());
        if (lesson.id().equals(preparing)) {
            stopPreparing();
        }
        if (alarmed.remove(lesson.id())) {
            journalAlarm(lesson, "");
        }
    }

    /** Returns the room to idle (projector off), retried through its cool-down; a later prepare takes over. */
    void idle() {
        idling = true;
        idleAttemptsLeft = IDLE_ATTEMPTS;
        idleStep();
    }

    private void idleStep() {
        if (!running || !idling || preparing != null) {
            return;
        }
        room.idle().onComplete(result -> {
            if (result.succeeded() && result.result()) {
                idling = false;
                log.info("room back to idle");
            } else if (running && idling && --idleAttemptsLeft > 0) {
                vertx.setTimer(retryMillis, id -> idleStep());
            }
        });
    }

    void stop() {
        running = false;
        stopPreparing();
    }

    private void journalAlarm(Lesson lesson, String reason) {
        long now = clock.getAsLong();
        Payload payload = new Payload(now, null, List.of(Metric.of(LessonMetrics.ROOM_NOT_READY, MetricType.STRING,
                reason, now)));
        journal.append(new JournalEntry(RecordClass.ALARM, lesson.device(), now, PayloadCodec.encode(payload)))
                .onSuccess(appended::accept)
                .onFailure(e -> log.error("cannot journal the room alarm of lesson {}: {}", lesson.id(),
                        e.getMessage()));
    }
}
