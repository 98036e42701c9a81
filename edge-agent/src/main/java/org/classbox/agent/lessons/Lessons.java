package org.classbox.agent.lessons;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.classbox.agent.classroom.ClassroomLesson;
import org.classbox.agent.config.AgentConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.lessons.buffer.BufferStatus;
import org.classbox.agent.lessons.buffer.LessonBuffers;
import org.classbox.agent.lessons.buffer.LiveLesson;
import org.classbox.agent.lessons.figures.BufferFigures;
import org.classbox.agent.lessons.figures.LessonFigures;
import org.classbox.agent.lessons.figures.PlaybackFigures;
import org.classbox.agent.lessons.materials.Material;
import org.classbox.agent.lessons.materials.MaterialFetcher;
import org.classbox.agent.lessons.materials.MaterialStore;
import org.classbox.agent.lessons.materials.UsbImport;
import org.classbox.agent.lessons.schedule.LessonScheduler;
import org.classbox.agent.lessons.schedule.LessonStarter;
import org.classbox.agent.lessons.schedule.LessonState;
import org.classbox.agent.lessons.schedule.Room;
import org.classbox.agent.lessons.schedule.ScheduleInbox;
import org.classbox.agent.lessons.storage.LessonCatalog;
import org.classbox.agent.lessons.storage.LessonDatabase;
import org.classbox.agent.lessons.storage.Retention;
import org.classbox.agent.uplink.sparkplug.EdgeNode;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.lessons.Lesson;
import org.classbox.sparkplug.lessons.LessonMode;
import org.classbox.sparkplug.lessons.Schedule;
import org.classbox.sparkplug.lessons.ScheduleTopic;

/**
 * Wires the lesson capabilities on the agent's journal: the schedule (inbox and scheduler, which prepares the room
 * and starts and finishes lessons), the live lesson buffer, the lesson figures, materials (link and USB) and
 * retention, all on the lessons' own H2 file. The schedule drives the rest: each lesson's start follows its source,
 * each version applied asks for its materials, and retention keeps what is scheduled, playing or incomplete.
 */
public final class Lessons {
    private final LessonDatabase db;
    private final LessonBuffers buffers;
    private final ScheduleInbox inbox;
    private final LessonScheduler scheduler;
    private final LessonFigures figures;
    private final MaterialStore materials;
    private final MaterialFetcher fetcher;
    private final UsbImport usb;
    private final Retention retention;

    /**
     * @param playback the classroom player's figures of a lesson (its {@code PlayerReports}), read when figures are
     *                 journaled
     * @param room     the classroom's devices as lessons need them ({@code ProjectorRoom})
     * @param appended told after each record a lesson part journals (the uplink's {@code recordAppended})
     */
    public Lessons(Vertx vertx, AgentConfig config, Journal journal, Room room,
                   PlaybackFigures playback, Runnable appended) {
        LongSupplier clock = System::currentTimeMillis;
        db = new LessonDatabase(vertx, config.journal().dataDir().resolve("lessons"));
        buffers = new LessonBuffers(vertx, db, config.lessons());
        inbox = new ScheduleInbox(db, journal, clock);
        scheduler = new LessonScheduler(vertx, config.schedule(), room,
                LessonStarter.of(lesson -> buffers.follow(live(lesson)), buffers::finish), journal, clock);
        figures = new LessonFigures(vertx, config.schedule(), journal, this::bufferFigures, playback, clock);
        materials = new MaterialStore(db);
        Function<JournalEntry, Future<Long>> append = entry -> journal.append(entry)
                .onSuccess(id -> appended.run());
        fetcher = new MaterialFetcher(vertx, config.materials(), materials, buffers::liveActive, append);
        usb = new UsbImport(vertx, config.materials(), materials, append);
        retention = new Retention(vertx, config.storage(), this::catalog, this::mustKeep, append)
                .owner(materials).owner(buffers);
        inbox.onAppended(id -> appended.run());
        scheduler.onAppended(id -> appended.run());
        figures.onAppended(id -> appended.run());
        inbox.onSchedule(scheduler);
        inbox.onSchedule(this::wantMaterials);
        scheduler.onLessonState(figures::lessonState);
    }

    /** Subscribes the box's schedule topic in every uplink session; call before the edge node starts. */
    public void subscribe(EdgeNode edgeNode, String groupId, String boxId) {
        edgeNode.subscribe(ScheduleTopic.of(groupId, boxId), inbox::accept);
    }

    public Future<Void> start() {
        return db.start()
                .compose(v -> buffers.start())
                .compose(v -> materials.start())
                .compose(v -> scheduler.start())
                .compose(v -> figures.start())
                .compose(v -> inbox.start())
                .compose(v -> fetcher.start())
                .compose(v -> usb.start())
                .compose(v -> retention.start());
    }

    public Future<Void> stop() {
        return quietly(retention.stop())
                .compose(v -> quietly(usb.stop()))
                .compose(v -> quietly(fetcher.stop()))
                .compose(v -> quietly(figures.stop()))
                .compose(v -> quietly(scheduler.stop()))
                .compose(v -> quietly(buffers.stop()))
                .compose(v -> db.stop());
    }

    /** The local media (live and VOD playlists, segments) for the classroom server. */
    public Router mediaRouter() {
        return buffers.mediaRouter();
    }

    public LessonBuffers buffers() {
        return buffers;
    }

    /** The scheduled lessons with the state the scheduler gives them, for the classroom page. */
    public Future<List<ClassroomLesson>> classroomLessons() {
        List<ClassroomLesson> out = new ArrayList<>();
        for (Lesson lesson : inbox.current().lessons()) {
            LessonState state = scheduler.state(lesson.id());
            out.add(new ClassroomLesson(lesson.id(), lesson.title(), lesson.start(), lesson.end(),
                    state == null ? LessonState.SCHEDULED.wire() : state.wire()));
        }
        return Future.succeededFuture(out);
    }

    /** The lesson figures' current metrics per lesson device, for the DBIRTHs. */
    public Map<String, List<Metric>> currentMetrics(long now) {
        return figures.currentMetrics(now);
    }

    private BufferFigures.Reading bufferFigures(String lessonId) {
        BufferStatus status = buffers.status(lessonId);
        return status == null ? null
                : new BufferFigures.Reading(status.gapSeconds(), status.delaySeconds(), status.recordingComplete());
    }

    private void wantMaterials(Schedule schedule) {
        List<Material> wanted = new ArrayList<>();
        for (Lesson lesson : schedule.lessons()) {
            for (org.classbox.sparkplug.lessons.Material m : lesson.materials()) {
                wanted.add(new Material(lesson.id(), m.name(), m.url(), m.bytes(), m.sha256(), lesson.start()));
            }
        }
        fetcher.want(wanted);
    }

    private Future<List<LessonCatalog.KnownLesson>> catalog() {
        return Future.succeededFuture(inbox.current().lessons().stream()
                .map(l -> new LessonCatalog.KnownLesson(l.id(), l.end())).toList());
    }

    /** Scheduled in the future, playing, or its recording not complete: never evicted. */
    private boolean mustKeep(String lessonId) {
        Instant now = Instant.now();
        boolean scheduled = inbox.current().lessons().stream()
                .anyMatch(l -> l.id().equals(lessonId) && l.end().isAfter(now));
        BufferStatus status = buffers.status(lessonId);
        return scheduled || status != null && !status.recordingComplete();
    }

    private static LiveLesson live(Lesson lesson) {
        return new LiveLesson(lesson.id(), lesson.source(),
                lesson.mode() == LessonMode.BROADCAST ? LiveLesson.Mode.BROADCAST : LiveLesson.Mode.INTERACTIVE,
                lesson.delay() == null ? 0 : lesson.delay().targetSeconds(),
                lesson.delay() == null ? 0 : lesson.delay().capSeconds(), lesson.start(), lesson.end());
    }

    private static Future<Void> quietly(Future<Void> stopping) {
        return stopping.recover(e -> Future.succeededFuture());
    }
}
