package org.classbox.sim.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.config.ScheduleConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.agent.journal.RecordClass;
import org.classbox.agent.lessons.schedule.LessonScheduler;
import org.classbox.agent.lessons.schedule.LessonStarter;
import org.classbox.agent.lessons.schedule.ProjectorRoom;
import org.classbox.drivers.pjlink.PjlinkClient;
import org.classbox.drivers.pjlink.PjlinkDevice;
import org.classbox.drivers.pjlink.PjlinkConfig;
import org.classbox.drivers.pjlink.PowerState;
import org.classbox.drivers.pjlink.ProjectorStatus;
import org.classbox.sim.projector.ProjectorSimConfig;
import org.classbox.sim.projector.ProjectorSimulator;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.lessons.Lesson;
import org.classbox.sparkplug.lessons.LessonMetrics;
import org.classbox.sparkplug.lessons.LessonMode;
import org.classbox.sparkplug.lessons.RoomSetup;
import org.classbox.sparkplug.lessons.Schedule;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler prepares a real (simulated) PJLink projector through the real driver: on, through its warm-up, on the
 * lesson's input, ahead of the lesson; starts and finishes the lesson on time; switches the projector off after it.
 * Lessons are placed seconds from now on the real clock, with a retry every second.
 */
@ExtendWith(TestGuard.class)
class RoomPreparationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Vertx vertx;
    private Context context;
    private Journal journal;
    private ProjectorSimulator projector;
    private PjlinkClient driver;
    private PjlinkClient observer;
    private LessonScheduler scheduler;
    private final Map<String, Long> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void start_projector_and_journal() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        projector = new ProjectorSimulator(vertx, new ProjectorSimConfig(0, null, 1500, 500, 10, 3_600_000));
        projector.start().await(5, TimeUnit.SECONDS);
        journal = new Journal(vertx, JournalConfig.defaults(dir.resolve("agent")));
        journal.start().await(10, TimeUnit.SECONDS);
        observer = client(projector.port());
    }

    @AfterEach
    void stop_everything() throws Exception {
        if (scheduler != null) {
            onContext(scheduler::stop);
        }
        for (PjlinkClient client : new PjlinkClient[] {driver, observer}) {
            if (client != null) {
                client.close().await(5, TimeUnit.SECONDS);
            }
        }
        projector.stop().await(5, TimeUnit.SECONDS);
        journal.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void room_is_prepared_on_time_against_the_simulated_projector() throws Exception {
        startScheduler(projector.port(), 1);
        long now = System.currentTimeMillis();
        // prepareMinutes 1: preparation is due 1.5 s from now, the lesson itself a minute later.
        Lesson later = lesson("eng-5a", now + 61_500, now + 120_000);
        schedule(new Schedule(1, List.of(later)));

        assertEquals(PowerState.OFF, status().power(), "prepared before its time");
        Await.until(WAIT, "projector on and on input 31", () -> {
            ProjectorStatus status = status();
            return status.power() == PowerState.ON && "31".equals(status.input());
        });
        long readyAt = System.currentTimeMillis();
        assertTrue(readyAt >= now + 1_500 + 1_500, "not through its 1.5 s warm-up after the due time: "
                + (readyAt - now) + " ms");
        assertTrue(readyAt < later.start().toEpochMilli() - 30_000, "room ready too late");
        assertTrue(calls.isEmpty(), "lesson started early: " + calls);

        // A newer schedule moves the lesson to a few seconds from now: it starts, ends, and the room goes idle.
        long soon = System.currentTimeMillis();
        Lesson moved = lesson("eng-5a", soon + 2_000, soon + 4_000);
        schedule(new Schedule(2, List.of(moved)));
        Await.until(WAIT, "lesson finished", () -> calls.containsKey("finish"));
        assertTrue(calls.get("start") >= moved.start().toEpochMilli(), "started before its start");
        assertTrue(calls.get("finish") >= moved.end().toEpochMilli(), "finished before its end");
        Await.until(WAIT, "projector off after the lesson", () -> status().power() == PowerState.OFF);
        assertTrue(roomAlarms().isEmpty(), "no alarm for a room that was ready: " + roomAlarms());
    }

    @Test
    void a_room_that_cannot_be_prepared_raises_an_alarm_with_the_reason() throws Exception {
        int closed = FreePorts.tcp();
        startScheduler(closed, 0);
        long now = System.currentTimeMillis();
        schedule(new Schedule(1, List.of(lesson("art-3", now + 500, now + 3_000))));

        List<String> alarms = Await.value(WAIT, "a RoomNotReady alarm", () -> roomAlarms().isEmpty() ? null
                : roomAlarms());
        assertTrue(alarms.get(0).contains("127.0.0.1:" + closed), "the reason names the projector: " + alarms);
        Await.until(WAIT, "lesson finished", () -> calls.containsKey("finish"));
        Await.until(WAIT, "alarm cleared at the end", () -> roomAlarms().contains(""));
    }

    @Test
    void a_clock_set_late_still_starts_the_lesson_at_the_next_replan() throws Exception {
        AtomicLong offset = new AtomicLong();
        startScheduler(projector.port(), 0, 1, () -> System.currentTimeMillis() + offset.get());
        long now = System.currentTimeMillis();
        // The box booted without a real-time clock: its clock says an hour before the lesson.
        Lesson lesson = lesson("sci-4", now + 3_600_000, now + 3_600_000 + 60_000);
        schedule(new Schedule(1, List.of(lesson)));

        long jumped = System.currentTimeMillis();
        offset.set(3_600_000 + 1_000);
        Await.until(WAIT, "lesson started after the clock jumped", () -> calls.containsKey("start"));
        assertTrue(calls.get("start") - jumped < 5_000, "started " + (calls.get("start") - jumped)
                + " ms after the jump, more than a few re-plans of 1 s");
        Await.until(WAIT, "room prepared once the lesson runs", () -> status().power() == PowerState.ON);
    }

    @Test
    void back_to_back_lessons_keep_the_projector_on_and_switch_input_only_between_them() throws Exception {
        startScheduler(projector.port(), 1);
        long now = System.currentTimeMillis();
        // Both preparations are due at once (a minute's lead); the first lesson has the room until it ends.
        Lesson first = lesson("eng-5a", now + 3_000, now + 6_000, "31");
        Lesson second = lesson("music-5a", now + 7_500, now + 10_000, "32");
        schedule(new Schedule(1, List.of(first, second)));

        Await.until(WAIT, "first lesson started", () -> calls.containsKey("start:eng-5a"));
        Map<Long, String> sampled = new java.util.TreeMap<>();
        Await.until(WAIT, "first lesson finished", () -> {
            String seen = status().power() + "/" + status().input();
            sampled.put(System.currentTimeMillis(), seen);
            return calls.containsKey("finish:eng-5a");
        });
        // Only what was seen before the first lesson finished: a sample that completes later may show the next.
        List<String> during = sampled.entrySet().stream().filter(e -> e.getKey() < calls.get("finish:eng-5a"))
                .map(Map.Entry::getValue).toList();
        assertTrue(during.contains("ON/31"), "the projector was never ready for the first lesson: " + during);
        assertFalse(during.stream().anyMatch(s -> s.endsWith("/32")), "switched to the next lesson's input during"
                + " the first: " + during);

        List<String> between = new ArrayList<>();
        Await.until(WAIT, "second lesson started", () -> {
            between.add(status().power() + "/" + status().input());
            return calls.containsKey("start:music-5a");
        });
        assertTrue(between.stream().allMatch(s -> s.startsWith("ON/")), "the projector was not kept on: " + between);
        Await.until(WAIT, "second lesson's input", () -> "32".equals(status().input()));
        Await.until(WAIT, "second lesson finished", () -> calls.containsKey("finish:music-5a"));
        Await.until(WAIT, "projector off after the last lesson", () -> status().power() == PowerState.OFF);
    }

    @Test
    void an_agent_started_during_a_lesson_starts_it_at_once_and_prepares_the_room() throws Exception {
        long now = System.currentTimeMillis();
        // The schedule is there before the scheduler starts, as the stored one is after a restart.
        startScheduler(projector.port(), 5, 60, System::currentTimeMillis, new Schedule(4,
                List.of(lesson("eng-5a", now - 600_000, now + 6_000))));
        Await.until(WAIT, "lesson started", () -> calls.containsKey("start:eng-5a"));
        assertTrue(calls.get("start:eng-5a") - now < 2_000, "not started at once");
        Await.until(WAIT, "projector on input 31", () -> "ON/31".equals(status().power() + "/" + status().input()));
        Await.until(WAIT, "lesson finished at its end", () -> calls.containsKey("finish:eng-5a"));
    }

    private void startScheduler(int port, int prepareMinutes) throws Exception {
        startScheduler(port, prepareMinutes, 60, System::currentTimeMillis);
    }

    private void startScheduler(int port, int prepareMinutes, int replanSeconds, LongSupplier clock)
            throws Exception {
        startScheduler(port, prepareMinutes, replanSeconds, clock, null);
    }

    private void startScheduler(int port, int prepareMinutes, int replanSeconds, LongSupplier clock,
                                Schedule stored) throws Exception {
        driver = client(port);
        LessonStarter starter = LessonStarter.of(lesson -> {
            calls.put("start", System.currentTimeMillis());
            calls.put("start:" + lesson.id(), System.currentTimeMillis());
            return Future.succeededFuture();
        }, id -> {
            calls.put("finish", System.currentTimeMillis());
            calls.put("finish:" + id, System.currentTimeMillis());
            return Future.succeededFuture();
        });
        scheduler = new LessonScheduler(vertx, new ScheduleConfig(prepareMinutes, 1, replanSeconds, 60),
                new ProjectorRoom(new PjlinkDevice(driver, config(port))), starter, journal, clock);
        if (stored != null) {
            scheduler.scheduleChanged(stored);
        }
        onContext(scheduler::start);
    }

    private void schedule(Schedule schedule) throws Exception {
        onContext(() -> {
            scheduler.scheduleChanged(schedule);
            return Future.succeededFuture();
        });
    }

    private static Lesson lesson(String id, long start, long end) {
        return lesson(id, start, end, "31");
    }

    private static Lesson lesson(String id, long start, long end, String input) {
        return new Lesson(id, "A lesson", Instant.ofEpochMilli(start), Instant.ofEpochMilli(end),
                URI.create("http://origin.example/live.m3u8"), LessonMode.INTERACTIVE, null, List.of(),
                new RoomSetup(input, false));
    }

    /** The values of every Lesson/RoomNotReady alarm in the journal, oldest first. */
    private List<String> roomAlarms() {
        List<JournalRecord> records = journal.readAfter(0, 1000).toCompletionStage().toCompletableFuture().join();
        return records.stream()
                .filter(r -> r.entry().recordClass() == RecordClass.ALARM)
                .flatMap(r -> PayloadCodec.decode(r.entry().body()).metrics().stream())
                .filter(m -> m.name().equals(LessonMetrics.ROOM_NOT_READY))
                .map(m -> (String) m.value())
                .toList();
    }

    private ProjectorStatus status() {
        try {
            return observer.status().await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private PjlinkClient client(int port) {
        return new PjlinkClient(vertx, config(port));
    }

    private static PjlinkConfig config(int port) {
        return new PjlinkConfig("127.0.0.1", port, null, Duration.ofSeconds(2));
    }

    private <T> T onContext(java.util.concurrent.Callable<Future<T>> work) throws Exception {
        io.vertx.core.Promise<T> promise = io.vertx.core.Promise.promise();
        context.runOnContext(v -> {
            try {
                work.call().onComplete(promise);
            } catch (Exception e) {
                promise.fail(e);
            }
        });
        return promise.future().await(10, TimeUnit.SECONDS);
    }
}
