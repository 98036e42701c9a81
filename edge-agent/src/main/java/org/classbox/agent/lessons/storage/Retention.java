package org.classbox.agent.lessons.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.classbox.agent.config.StorageConfig;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the lessons inside their disk budget: at start and every {@code lessons.retentionMinutes} it deletes whole
 * lessons, oldest end first, through every {@link LessonDataOwner}, when they ended more than {@code lessons.keepDays}
 * ago or while the lessons take more than {@code lessons.budgetMegabytes}. A lesson {@code mustKeep} names (scheduled
 * in the future, playing, or not yet complete) is never deleted; when only such lessons remain over budget the pass
 * raises the {@value #OVER_BUDGET} alarm, and clears it once under budget again. Runs on the caller's context; the
 * owners' work runs on the lessons worker.
 */
public final class Retention {
    /** The journal stream (Sparkplug device) of the storage metrics. */
    public static final String STREAM = "storage";
    public static final String OVER_BUDGET = "Storage/OverBudget";
    public static final String USED_BYTES = "Storage/UsedBytes";
    public static final String FREED_BYTES = "Storage/FreedBytes";
    public static final String EVICTED = "Storage/Evicted";

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final Vertx vertx;
    private final StorageConfig config;
    private final LessonCatalog catalog;
    private final Predicate<String> mustKeep;
    private final Function<JournalEntry, Future<Long>> journal;
    private final List<LessonDataOwner> owners = new CopyOnWriteArrayList<>();
    private Supplier<Instant> clock = Instant::now;
    private Boolean alarmSent;
    private Future<RetentionReport> running;
    private long timer = -1;

    /**
     * @param mustKeep true for a lesson that is scheduled in the future, playing or not yet complete
     * @param journal  appends a record (the agent's {@code Journal::append})
     */
    public Retention(Vertx vertx, StorageConfig config, LessonCatalog catalog, Predicate<String> mustKeep,
                     Function<JournalEntry, Future<Long>> journal) {
        this.vertx = vertx;
        this.config = config;
        this.catalog = catalog;
        this.mustKeep = mustKeep;
        this.journal = journal;
    }

    /** Adds a part whose lesson data counts against the budget and is deleted with its lesson. */
    public Retention owner(LessonDataOwner owner) {
        owners.add(owner);
        return this;
    }

    /** Another clock, for tests that age lessons. */
    Retention clock(Supplier<Instant> clock) {
        this.clock = clock;
        return this;
    }

    public Future<Void> start() {
        timer = vertx.setPeriodic(Duration.ofMinutes(config.retentionMinutes()).toMillis(), id -> pass());
        return pass().mapEmpty();
    }

    public Future<Void> stop() {
        vertx.cancelTimer(timer);
        Future<RetentionReport> last = running;
        return last == null ? Future.succeededFuture() : last.<Void>mapEmpty().recover(e -> Future.succeededFuture());
    }

    /** One pass now (a pass already running is awaited instead of starting a second). */
    public Future<RetentionReport> pass() {
        if (running != null && !running.isComplete()) {
            return running;
        }
        // The pass ends once its report is journaled (or refused), so what it reports is there when it returns.
        running = collect().compose(this::evict)
                .compose(report -> report(report).transform(ar -> Future.succeededFuture(report)))
                .onFailure(e ->
                log.warn("lesson retention pass failed, next in {} min: {}", config.retentionMinutes(),
                        e.getMessage()));
        return running;
    }

    private Future<List<Held>> collect() {
        List<Future<?>> listed = new ArrayList<>();
        Future<List<LessonCatalog.KnownLesson>> known = catalog.lessons();
        listed.add(known);
        List<Future<Set<String>>> held = owners.stream().map(LessonDataOwner::lessonIds).toList();
        listed.addAll(held);
        return Future.all(listed).compose(all -> {
            Map<String, Instant> ends = new HashMap<>();
            // A lesson only its data still names (gone from the schedule) counts as the oldest.
            held.forEach(f -> f.result().forEach(id -> ends.put(id, Instant.EPOCH)));
            known.result().forEach(k -> ends.put(k.id(), k.end()));
            List<Future<Held>> sized = ends.entrySet().stream().map(e -> bytesOf(e.getKey())
                    .map(bytes -> new Held(e.getKey(), e.getValue(), bytes))).toList();
            return Future.all(sized).map(f -> sized.stream().map(Future::result)
                    .sorted(Comparator.comparing(Held::end).thenComparing(Held::id)).toList());
        });
    }

    private Future<Long> bytesOf(String lessonId) {
        List<Future<Long>> each = owners.stream().map(o -> o.bytesOf(lessonId)).toList();
        return Future.all(each).map(f -> each.stream().mapToLong(Future::result).sum());
    }

    private Future<RetentionReport> evict(List<Held> oldestFirst) {
        long used = oldestFirst.stream().mapToLong(Held::bytes).sum();
        Instant expired = clock.get().minus(Duration.ofDays(config.keepDays()));
        Future<Pass> chain = Future.succeededFuture(new Pass(new ArrayList<>(), 0, used));
        for (Held lesson : oldestFirst) {
            chain = chain.compose(pass -> {
                boolean old = lesson.end().isBefore(expired);
                boolean over = pass.used() > config.budgetBytes();
                if (!(old || over) || mustKeep.test(lesson.id())) {
                    return Future.succeededFuture(pass);
                }
                return delete(lesson.id()).map(v -> {
                    log.info("lesson retention deleted lesson {} ({} bytes, ended {}): {}", lesson.id(),
                            lesson.bytes(), lesson.end(), old ? "older than " + config.keepDays() + " days"
                                    : "over the budget of " + config.budgetMegabytes() + " MB");
                    pass.evicted().add(lesson.id());
                    return new Pass(pass.evicted(), pass.freed() + lesson.bytes(), pass.used() - lesson.bytes());
                });
            });
        }
        return chain.map(p -> new RetentionReport(p.evicted(), p.freed(), p.used(),
                p.used() > config.budgetBytes()));
    }

    private Future<Void> delete(String lessonId) {
        Future<Void> chain = Future.succeededFuture();
        for (LessonDataOwner owner : owners) {
            chain = chain.compose(v -> owner.delete(lessonId));
        }
        return chain;
    }

    private Future<Void> report(RetentionReport report) {
        long now = clock.get().toEpochMilli();
        List<Future<Long>> appended = new ArrayList<>();
        if (!report.evicted().isEmpty()) {
            String evicted = String.join(",", report.evicted());
            appended.add(append(RecordClass.EVENT, now, List.of(
                    Metric.of(FREED_BYTES, MetricType.INT64, report.freedBytes(), now),
                    Metric.of(USED_BYTES, MetricType.INT64, report.usedBytes(), now),
                    Metric.of(EVICTED, MetricType.STRING, evicted.length() > 1000
                            ? evicted.substring(0, 1000) : evicted, now))));
        }
        if (alarmSent == null || alarmSent != report.overBudget()) {
            if (report.overBudget()) {
                log.warn("lessons take {} bytes, over the budget of {} MB, and every lesson left is scheduled, "
                        + "playing or incomplete", report.usedBytes(), config.budgetMegabytes());
            }
            // Remembered once journaled, so an alarm the journal refused is raised again by the next pass.
            appended.add(append(RecordClass.ALARM, now, List.of(Metric.of(OVER_BUDGET, MetricType.BOOLEAN,
                    report.overBudget(), now), Metric.of(USED_BYTES, MetricType.INT64, report.usedBytes(), now)))
                    .onSuccess(id -> alarmSent = report.overBudget()));
        }
        return Future.join(appended).mapEmpty();
    }

    private Future<Long> append(RecordClass recordClass, long at, List<Metric> metrics) {
        byte[] body = PayloadCodec.encode(new Payload(at, null, metrics));
        return journal.apply(new JournalEntry(recordClass, STREAM, at, body)).onFailure(e ->
                log.warn("storage metrics not journaled: {}", e.getMessage()));
    }

    private record Held(String id, Instant end, long bytes) {
    }

    private record Pass(List<String> evicted, long freed, long used) {
    }
}
