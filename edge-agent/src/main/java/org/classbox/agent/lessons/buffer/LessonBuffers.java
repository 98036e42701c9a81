package org.classbox.agent.lessons.buffer;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.classbox.agent.lessons.storage.LessonDataOwner;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.classbox.agent.config.LessonsConfig;
import org.classbox.agent.lessons.storage.LessonDatabase;

/**
 * The agent's lesson buffers: one {@link LiveFollower} per lesson being followed or repaired, their segments in the
 * shared lessons database, and the router serving the local playlists. Followers run on the context that called
 * {@link #start()}.
 */
public final class LessonBuffers implements LessonDataOwner {
    private final Vertx vertx;
    private final LessonsConfig config;
    private final SegmentStore store;
    private final MediaClock clock;
    private final Map<String, LiveFollower> followers = new ConcurrentHashMap<>();
    private HttpClient http;
    private volatile Context context;

    public LessonBuffers(Vertx vertx, LessonDatabase db, LessonsConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.store = new SegmentStore(db);
        this.clock = new MediaClock(config.clockRate());
    }

    public Future<Void> start() {
        context = vertx.getOrCreateContext();
        http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(config.requestTimeoutMillis())
                .setIdleTimeout(Math.max(1, config.requestTimeoutMillis() / 1000)));
        return store.start();
    }

    /** Starts following a lesson (or resumes it from H2 after a restart). Following one twice is a no-op. */
    public Future<Void> follow(LiveLesson lesson) {
        if (context == null) {
            throw new IllegalStateException("LessonBuffers.follow(" + lesson.id() + ") before start()");
        }
        if (followers.containsKey(lesson.id())) {
            return Future.succeededFuture();
        }
        DelayPolicy policy = new DelayPolicy(lesson.mode(),
                lesson.delayTargetSeconds() > 0 ? lesson.delayTargetSeconds() : config.broadcastDelaySeconds(),
                lesson.delayCapSeconds() > 0 ? lesson.delayCapSeconds() : config.delayCapSeconds(),
                config.interactiveStartSegments(), config.delayMarginSeconds());
        Timeline timeline = new Timeline(policy, new Outages(config.outageWindowSeconds()));
        String id = lesson.id();
        return store.loadState(id).compose(state -> {
            if (state == null) {
                return Future.succeededFuture(false);
            }
            return store.rows(id).compose(rows -> store.entries(id).map(entries -> {
                restore(timeline, state, rows, entries);
                return state.finished();
            }));
        }).compose(finished -> onContext(() -> {
            LiveFollower follower = new LiveFollower(vertx, http, config, clock, store, lesson, timeline);
            followers.put(id, follower);
            follower.start();
            if (finished) {
                follower.finish();
            }
        }));
    }

    private static void restore(Timeline t, SegmentStore.State state, List<SegmentStore.Row> rows,
                                List<Timeline.Entry> entries) {
        t.targetDuration = state.targetDuration();
        t.firstSeq = state.firstSeq();
        t.anchor = state.anchor();
        t.delay = state.delay();
        t.nextSeq = state.nextSeq();
        t.endSeq = state.endSeq();
        t.entries.addAll(entries);
        for (Timeline.Entry e : entries) {
            t.known.putIfAbsent(e.originSeq(), new Timeline.Known(e.originSeq(), e.duration(), e.mediaStart()));
        }
        for (SegmentStore.Row r : rows) {
            t.known.put(r.seq(), new Timeline.Known(r.seq(), r.duration(), r.mediaStart()));
            t.stored.put(r.seq(), new Timeline.Stored(r.rendition(), r.fetchedAt()));
        }
        if (!entries.isEmpty()) {
            t.nextSeq = Math.max(t.nextSeq, entries.get(entries.size() - 1).originSeq() + 1);
        }
    }

    /** After the lesson's end: stops following live and goes on repairing until the recording is complete. */
    public Future<Void> finish(String lessonId) {
        LiveFollower follower = followers.get(lessonId);
        if (follower == null) {
            return Future.failedFuture(new IllegalArgumentException("lesson " + lessonId + " is not followed"));
        }
        return onContext(follower::finish);
    }

    /** Where a lesson's buffer stands (as of its last play-out tick), or null for a lesson not followed. */
    public BufferStatus status(String lessonId) {
        LiveFollower f = followers.get(lessonId);
        return f == null ? null : f.status();
    }

    public List<BufferStatus> all() {
        List<BufferStatus> all = new ArrayList<>();
        for (String id : followers.keySet()) {
            all.add(status(id));
        }
        return all;
    }

    /** True while any lesson is followed live: other downloads (materials) keep off the link then. */
    public boolean liveActive() {
        return followers.values().stream().anyMatch(LiveFollower::live);
    }

    /**
     * Deletes a lesson's segments and state (for retention, which decides what may go); a lesson still followed
     * is refused.
     */
    @Override
    public Future<Void> delete(String lessonId) {
        if (followers.containsKey(lessonId) && !followers.get(lessonId).status().recordingComplete()) {
            return Future.failedFuture(new IllegalStateException("lesson " + lessonId
                    + " is still being recorded: finish it and let it complete before deleting it"));
        }
        return onContext(() -> {
            LiveFollower f = followers.remove(lessonId);
            if (f != null) {
                f.stop();
            }
        }).compose(v -> store.delete(lessonId));
    }

    /** Bytes of media a lesson holds on the box. */
    public Future<Long> storedBytes(String lessonId) {
        return store.storedBytes(lessonId);
    }

    @Override
    public Future<Long> bytesOf(String lessonId) {
        return store.storedBytes(lessonId);
    }

    @Override
    public Future<Set<String>> lessonIds() {
        return store.lessonIds();
    }

    /**
     * Serves (after {@link #start()}) {@code /lessons/{id}/live.m3u8}, {@code /lessons/{id}/vod.m3u8} and their
     * segments; the classroom server mounts it. May be called before {@link #start()} (the agent wires the classroom
     * first): the followers' context is looked up per request.
     */
    public Router mediaRouter() {
        return new MediaRoutes(vertx, () -> context, store, followers::get, config.liveWindowSegments()).router();
    }

    public Future<Void> stop() {
        return onContext(() -> followers.values().forEach(LiveFollower::stop))
                .compose(v -> http == null ? Future.<Void>succeededFuture() : http.close())
                .onComplete(ar -> followers.clear());
    }

    private Future<Void> onContext(Runnable action) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            action.run();
            done.complete();
        });
        return done.future();
    }
}
