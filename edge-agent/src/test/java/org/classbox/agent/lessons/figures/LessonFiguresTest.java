package org.classbox.agent.lessons.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.config.ScheduleConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.agent.journal.RecordClass;
import org.classbox.agent.lessons.schedule.LessonState;
import org.classbox.agent.uplink.OnContext;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.lessons.Lesson;
import org.classbox.sparkplug.lessons.LessonMetrics;
import org.classbox.sparkplug.lessons.LessonMode;
import org.classbox.sparkplug.lessons.RoomSetup;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The figures of one lesson, journaled for real, from readings the test sets as the lesson goes on. */
@ExtendWith(TestGuard.class)
class LessonFiguresTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Lesson LESSON = new Lesson("eng-5a", "English", Instant.parse("2026-11-28T02:00:00Z"),
            Instant.parse("2026-11-28T02:45:00Z"), URI.create("http://origin.example/live.m3u8"),
            LessonMode.INTERACTIVE, null, List.of(), RoomSetup.DEFAULT);

    @TempDir
    Path dir;
    private Vertx vertx;
    private Context context;
    private Journal journal;
    private LessonFigures figures;
    /** Both readings, set together so that a report never sees one new and the other old. */
    private final AtomicReference<Readings> now = new AtomicReference<>(new Readings(null, null));

    private record Readings(BufferFigures.Reading buffer, PlaybackFigures.Reading playback) {
    }

    @BeforeEach
    void start_journal_and_figures() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        journal = new Journal(vertx, JournalConfig.defaults(dir.resolve("agent")));
        journal.start().await(10, TimeUnit.SECONDS);
        figures = new LessonFigures(vertx, new ScheduleConfig(5, 10, 60, 1), journal, id -> now.get().buffer(),
                id -> now.get().playback(), System::currentTimeMillis);
        OnContext.run(context, figures::start).await(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop_everything() throws Exception {
        OnContext.run(context, figures::stop).await(5, TimeUnit.SECONDS);
        journal.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void a_lesson_reports_its_state_then_its_figures_while_live_then_final_figures() throws Exception {
        set(new BufferFigures.Reading(0, 4.23, false), new PlaybackFigures.Reading(125, 0));
        state(LessonState.LIVE);
        assertEquals(Map.of(LessonMetrics.STATE, "live", LessonMetrics.MINUTES_SCHEDULED, 45L), recordAt(0));

        Map<String, Object> first = recordAt(1);
        assertEquals(Map.of(LessonMetrics.MINUTES_PLAYED_WITHOUT_STALL, 2L, LessonMetrics.GAP_SECONDS, 0.0,
                LessonMetrics.DELAY_SECONDS, 4.2, LessonMetrics.RECORDING_COMPLETE, false), first);

        // A stall in the next interval: its minutes do not count, and only what changed is sent.
        set(new BufferFigures.Reading(6, 9.0, false), new PlaybackFigures.Reading(240, 3));
        assertEquals(Map.of(LessonMetrics.GAP_SECONDS, 6.0, LessonMetrics.DELAY_SECONDS, 9.0), recordAt(2));

        set(new BufferFigures.Reading(6, 9.0, false), new PlaybackFigures.Reading(360, 3));
        assertEquals(Map.of(LessonMetrics.MINUTES_PLAYED_WITHOUT_STALL, 4L), recordAt(3));

        state(LessonState.ENDED);
        Map<String, Object> last = recordAt(4);
        assertEquals("ended", last.get(LessonMetrics.STATE));
        assertEquals(false, last.get(LessonMetrics.RECORDING_COMPLETE));
        assertEquals(6.0, last.get(LessonMetrics.GAP_SECONDS));

        set(new BufferFigures.Reading(6, 9.0, true), new PlaybackFigures.Reading(360, 3));
        assertEquals(Map.of(LessonMetrics.RECORDING_COMPLETE, true), recordAt(5));
        List<RecordClass> classes = journal.readAfter(0, 100).await(5, TimeUnit.SECONDS).stream()
                .map(r -> r.entry().recordClass()).toList();
        assertEquals(List.of(RecordClass.EVENT, RecordClass.HEALTH, RecordClass.HEALTH, RecordClass.HEALTH,
                RecordClass.EVENT, RecordClass.EVENT), classes);
        assertTrue(journal.readAfter(0, 100).await(5, TimeUnit.SECONDS).stream()
                .allMatch(r -> r.entry().stream().equals("lesson-eng-5a")));
    }

    private void set(BufferFigures.Reading buffer, PlaybackFigures.Reading playback) {
        now.set(new Readings(buffer, playback));
    }

    private void state(LessonState state) throws Exception {
        OnContext.run(context, () -> {
            figures.lessonState(LESSON, state);
            return Future.succeededFuture();
        }).await(5, TimeUnit.SECONDS);
    }

    /** The metrics of the journal record at {@code index}, once it is there. */
    private Map<String, Object> recordAt(int index) {
        return Await.value(WAIT, "record " + index, () -> {
            List<Map<String, Object>> all = records();
            return all.size() > index ? all.get(index) : null;
        });
    }

    private List<Map<String, Object>> records() {
        List<JournalRecord> records = journal.readAfter(0, 100).toCompletionStage().toCompletableFuture().join();
        return records.stream().map(r -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Metric m : PayloadCodec.decode(r.entry().body()).metrics()) {
                values.put(m.name(), m.value());
            }
            return values;
        }).toList();
    }
}
