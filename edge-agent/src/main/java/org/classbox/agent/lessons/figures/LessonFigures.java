package org.classbox.agent.lessons.figures;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.classbox.agent.config.ScheduleConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.agent.lessons.schedule.LessonState;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.lessons.Lesson;
import org.classbox.sparkplug.lessons.LessonMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each lesson's figures as DDATA of {@code lesson-<id>} through the journal. A change of state (preparing,
 * live, ended) is an EVENT carrying {@code Lesson/State} and {@code Lesson/MinutesScheduled}; the ended one also
 * carries every figure, the final ones. While a lesson is live, its figures that changed are a HEALTH record every
 * {@code schedule.figuresSeconds} (once a minute by default; HEALTH is what the journal may thin or hold back for the
 * daily budget). After the end, the lesson is watched until its recording is complete, which is one more EVENT.
 *
 * <p>{@code Lesson/MinutesPlayedWithoutStall} counts the seconds played in reporting intervals that saw no stall, in
 * whole minutes: the player reports totals, so a stall costs its whole interval. Figures live in memory: after an
 * agent restart during a lesson they count from the restart. Runs on the agent's context.
 */
public final class LessonFigures {
    private static final Logger log = LoggerFactory.getLogger(LessonFigures.class);

    private final Vertx vertx;
    private final ScheduleConfig config;
    private final Journal journal;
    private final BufferFigures buffer;
    private final PlaybackFigures playback;
    private final LongSupplier clock;
    private final Map<String, Tracked> tracked = new LinkedHashMap<>();
    private Consumer<Long> appended = id -> { };
    private long timer = -1;

    /** One lesson followed: its state, what was last sent of each metric, and the playback counted so far. */
    private static final class Tracked {
        Lesson lesson;
        LessonState state;
        double cleanSeconds;
        double lastPlayed;
        double lastStalled;
        final Map<String, Object> sent = new HashMap<>();

        Tracked(Lesson lesson) {
            this.lesson = lesson;
        }
    }

    public LessonFigures(Vertx vertx, ScheduleConfig config, Journal journal, BufferFigures buffer,
                         PlaybackFigures playback, LongSupplier clock) {
        this.vertx = vertx;
        this.config = config;
        this.journal = journal;
        this.buffer = buffer;
        this.playback = playback;
        this.clock = clock;
    }

    /** Called with each record id once it is in the journal. */
    public void onAppended(Consumer<Long> listener) {
        this.appended = listener;
    }

    public Future<Void> start() {
        timer = vertx.setPeriodic(config.figuresSeconds() * 1000L, id -> tick());
        return Future.succeededFuture();
    }

    public Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return Future.succeededFuture();
    }

    /** A lesson changed state (wire to {@code LessonScheduler.onLessonState}). */
    public void lessonState(Lesson lesson, LessonState state) {
        Tracked t = tracked.computeIfAbsent(lesson.id(), id -> new Tracked(lesson));
        t.lesson = lesson;
        t.state = state;
        long now = clock.getAsLong();
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of(LessonMetrics.STATE, MetricType.STRING, state.wire(), now));
        metrics.add(Metric.of(LessonMetrics.MINUTES_SCHEDULED, MetricType.INT64, lesson.duration().toMinutes(), now));
        if (state == LessonState.ENDED) {
            metrics.addAll(figures(t, now));
        }
        append(RecordClass.EVENT, t, metrics);
        if (state == LessonState.ENDED && Boolean.TRUE.equals(t.sent.get(LessonMetrics.RECORDING_COMPLETE))) {
            tracked.remove(lesson.id());
        }
    }

    /** The latest figures of every lesson followed, for their DBIRTHs. */
    public Map<String, List<Metric>> currentMetrics(long now) {
        Map<String, List<Metric>> current = new LinkedHashMap<>();
        tracked.values().forEach(t -> current.put(t.lesson.device(), t.sent.entrySet().stream()
                .map(e -> Metric.of(e.getKey(), typeOf(e.getValue()), e.getValue(), now)).toList()));
        return current;
    }

    private void tick() {
        long now = clock.getAsLong();
        for (Tracked t : List.copyOf(tracked.values())) {
            if (t.state == LessonState.LIVE) {
                List<Metric> changed = figures(t, now).stream()
                        .filter(m -> !Objects.equals(t.sent.get(m.name()), m.value())).toList();
                if (!changed.isEmpty()) {
                    append(RecordClass.HEALTH, t, changed);
                }
            } else if (t.state == LessonState.ENDED) {
                BufferFigures.Reading reading = buffer.of(t.lesson.id());
                if (reading == null || reading.complete()) {
                    if (reading != null) {
                        append(RecordClass.EVENT, t, List.of(Metric.of(LessonMetrics.RECORDING_COMPLETE,
                                MetricType.BOOLEAN, true, now)));
                    }
                    tracked.remove(t.lesson.id());
                }
            }
        }
    }

    /** The lesson's figures now; playback intervals without a stall are counted here. */
    private List<Metric> figures(Tracked t, long now) {
        List<Metric> metrics = new ArrayList<>(4);
        PlaybackFigures.Reading played = playback.of(t.lesson.id());
        if (played != null) {
            double playedNow = played.secondsPlayed() - t.lastPlayed;
            if (playedNow > 0 && played.secondsStalled() <= t.lastStalled) {
                t.cleanSeconds += playedNow;
            }
            t.lastPlayed = played.secondsPlayed();
            t.lastStalled = played.secondsStalled();
        }
        metrics.add(Metric.of(LessonMetrics.MINUTES_PLAYED_WITHOUT_STALL, MetricType.INT64,
                (long) Math.floor(t.cleanSeconds / 60), now));
        BufferFigures.Reading reading = buffer.of(t.lesson.id());
        if (reading != null) {
            metrics.add(Metric.of(LessonMetrics.GAP_SECONDS, MetricType.DOUBLE, tenths(reading.gapSeconds()), now));
            metrics.add(Metric.of(LessonMetrics.DELAY_SECONDS, MetricType.DOUBLE, tenths(reading.delaySeconds()),
                    now));
            metrics.add(Metric.of(LessonMetrics.RECORDING_COMPLETE, MetricType.BOOLEAN, reading.complete(), now));
        }
        return metrics;
    }

    /** Tenths of a second: finer changes are noise, and would make every report differ. */
    private static double tenths(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    private static MetricType typeOf(Object value) {
        if (value instanceof Long) {
            return MetricType.INT64;
        }
        if (value instanceof Double) {
            return MetricType.DOUBLE;
        }
        return value instanceof Boolean ? MetricType.BOOLEAN : MetricType.STRING;
    }

    private void append(RecordClass recordClass, Tracked t, List<Metric> metrics) {
        long now = clock.getAsLong();
        metrics.forEach(m -> t.sent.put(m.name(), m.value()));
        journal.append(new JournalEntry(recordClass, t.lesson.device(), now,
                        PayloadCodec.encode(new Payload(now, null, metrics))))
                .onSuccess(appended::accept)
                .onFailure(e -> {
                    // Not sent after all: a later report carries the values again.
                    metrics.forEach(m -> t.sent.remove(m.name(), m.value()));
                    log.error("cannot journal the figures of lesson {}: {}", t.lesson.id(), e.getMessage());
                });
    }
}
