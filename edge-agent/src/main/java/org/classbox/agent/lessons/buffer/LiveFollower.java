package org.classbox.agent.lessons.buffer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.classbox.agent.config.LessonsConfig;
import org.classbox.agent.lessons.hls.MediaPlaylist;
import org.classbox.agent.lessons.hls.MultivariantPlaylist;
import org.classbox.agent.lessons.hls.Playlist;
import org.classbox.agent.lessons.hls.PlaylistParser;
import org.classbox.agent.lessons.hls.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one lesson's origin over the link: polls the chosen rendition's playlist, downloads one segment at a time
 * (not yet due first, earliest deadline first, so the live edge wins; then what play-out already skipped, oldest
 * first; after the end, upgrades of low-rendition segments), picks the rendition from the measured throughput and
 * the buffer ahead, and lists due segments on the play-out clock. Runs on the event loop of {@link LessonBuffers}.
 */
final class LiveFollower {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFollower.class);
    /**
     * Segments downloaded at once. One at a time, a GEO round trip (600 ms) per 1-s segment left the box catching
     * up at little more than real time after an outage, marking as gaps segments the link was up to carry.
     */
    static final int PARALLEL_DOWNLOADS = 3;

    private final Vertx vertx;
    private final LessonsConfig config;
    private final MediaClock clock;
    private final SegmentStore store;
    final LiveLesson lesson;
    final Timeline timeline;
    private final List<URI> renditions = new ArrayList<>();
    private final List<Long> bandwidths = new ArrayList<>();
    private int current;
    private final Abr abr;
    private final OriginClient origin;
    private final Set<Long> inFlight = new HashSet<>();
    private boolean fetchingBest;
    private long lastDone = Long.MIN_VALUE;
    private boolean stopped;
    volatile boolean finished;
    private boolean bestFetched;
    private boolean upgradesExhausted;
    private int failures;
    private long pollTimer = -1;
    private long tickTimer = -1;
    private long pumpTimer = -1;
    volatile String error;
    private volatile BufferStatus status;
    private volatile boolean live = true;

    LiveFollower(Vertx vertx, HttpClient http, LessonsConfig config, MediaClock clock, SegmentStore store,
                 LiveLesson lesson, Timeline timeline) {
        this.vertx = vertx;
        this.config = config;
        this.origin = new OriginClient(http, config);
        this.abr = new Abr(clock.rate());
        this.clock = clock;
        this.store = store;
        this.lesson = lesson;
        this.timeline = timeline;
    }

    void start() {
        refresh();
        tickTimer = vertx.setPeriodic(clock.wallMillis(0.25), id -> tick());
        fetchSource();
    }

    void stop() {
        stopped = true;
        vertx.cancelTimer(tickTimer);
        vertx.cancelTimer(pollTimer);
        vertx.cancelTimer(pumpTimer);
    }

    /**
     * After the lesson's end: the next playlist the origin gives is the whole lesson (with or without
     * {@code EXT-X-ENDLIST}); until one arrives the box keeps asking.
     */
    void finish() {
        finished = true;
        saveState();
        pump();
    }

    int rendition() {
        return current;
    }

    long bandwidth() {
        return bandwidths.isEmpty() ? 0 : bandwidths.get(current);
    }

    /**
     * Nothing left to list, fetch or upgrade. The live list must have reached its end too: a lesson recorded whole in
     * its best rendition is complete while the room still plays the last seconds of its delay.
     */
    boolean done() {
        return finished && timeline.liveEnded() && timeline.complete() && !upgradeLeft();
    }

    private void fetchSource() {
        origin.get(lesson.source()).onComplete(ar -> {
            if (stopped) {
                return;
            }
            if (ar.failed()) {
                pollLater(ar.cause(), this::fetchSource);
                return;
            }
            try {
                Playlist playlist = PlaylistParser.parse(ar.result().toString(), lesson.source().toString());
                if (playlist instanceof MultivariantPlaylist multi) {
                    for (Variant v : multi.variants()) {
                        renditions.add(lesson.source().resolve(v.uri()));
                        bandwidths.add(v.bandwidth());
                    }
                } else {
                    renditions.add(lesson.source());
                    bandwidths.add(0L);
                }
            } catch (RuntimeException e) {
                pollLater(e, this::fetchSource);
                return;
            }
            current = Math.min(current, renditions.size() - 1);
            poll();
        });
    }

    private void poll() {
        if (stopped) {
            return;
        }
        int rendition = current;
        origin.get(renditions.get(rendition)).onComplete(ar -> {
            if (stopped) {
                return;
            }
            if (ar.failed()) {
                pollLater(ar.cause(), this::poll);
                return;
            }
            long lastBefore = timeline.lastSeq();
            try {
                learn(PlaylistParser.media(ar.result().toString(), renditions.get(rendition).toString()), rendition);
            } catch (RuntimeException e) {
                pollLater(e, this::poll);
                return;
            }
            if (pumpTimer != -1) {
                // The origin answers again: no need to wait out a failed download's backoff.
                vertx.cancelTimer(pumpTimer);
                pumpTimer = -1;
            }
            if (pollingNeeded()) {
                // As RFC 8216 6.3.4 asks: again after a target duration when this one brought new segments, half
                // of it when not. The playlist of a lesson grows to ~100 kB: polled every half target duration it
                // took a fifth of a 4 Mbit/s link at the lesson's end, slowing the catch-up after an outage.
                double every = timeline.lastSeq() > lastBefore ? timeline.targetDuration
                        : timeline.targetDuration / 2.0;
                pollTimer = vertx.setTimer(clock.wallMillis(Math.max(0.5, every)), id -> poll());
            }
            pump();
        });
    }

    private void learn(MediaPlaylist playlist, int rendition) {
        boolean first = !timeline.started();
        timeline.learn(playlist, rendition, clock.now());
        if (finished && timeline.endSeq < 0 && !playlist.segments().isEmpty()) {
            timeline.endSeq = playlist.nextSequence() - 1;
            saveState();
        }
        timeline.outages.succeeded(clock.now());
        failures = 0;
        error = null;
        if (first && timeline.started()) {
            saveState();
        }
    }

    private boolean pollingNeeded() {
        if (!finished || !timeline.started() || timeline.endSeq < 0) {
            return true;
        }
        for (long seq = timeline.firstSeq; seq <= timeline.lastSeq(); seq++) {
            Timeline.Known k = timeline.known.get(seq);
            if (!timeline.stored.containsKey(seq) && (k == null || k.uris.isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private void tick() {
        List<Timeline.Entry> added = timeline.advance(clock.now());
        if (!added.isEmpty()) {
            store.append(lesson.id(), added, state()).onFailure(e -> LOG.warn("lesson {}: {}", lesson.id(),
                    e.getMessage()));
            pump();
        }
        refresh();
        if (done()) {
            // Nothing left to list, fetch or upgrade: no timer keeps running for a finished lesson.
            stop();
        }
    }

    /** Publishes the status read by other threads; called on the event loop after each change. */
    private void refresh() {
        live = !finished && !timeline.liveEnded();
        BufferStatus.State state = !finished ? BufferStatus.State.FOLLOWING
                : done() ? BufferStatus.State.COMPLETE : BufferStatus.State.REPAIRING;
        status = new BufferStatus(lesson.id(), state, timeline.delay, timeline.aheadSeconds(),
                timeline.gapSeconds(), timeline.missing(), timeline.complete(), current, bandwidth(), error,
                !timeline.outages.open());
    }

    BufferStatus status() {
        return status;
    }

    boolean live() {
        return live;
    }

    private void pump() {
        if (pumpTimer != -1 || stopped || !timeline.started() || renditions.isEmpty()) {
            return;
        }
        // A download that fails at once sets the retry timer from within download(): the loop stops there.
        while (inFlight.size() < PARALLEL_DOWNLOADS && pumpTimer == -1 && !stopped) {
            long seq = next(timeline.nextSeq, timeline.lastSeq());
            if (seq < 0) {
                seq = next(timeline.firstSeq, timeline.nextSeq - 1);
            }
            if (seq < 0) {
                break;
            }
            current = abr.choose(bandwidths, current, timeline.aheadSeconds(), timeline.targetDuration);
            download(seq, current);
        }
        if (inFlight.isEmpty() && !fetchingBest && finished && timeline.complete()) {
            upgrade();
        }
    }

    /** The first segment in [from, to] that is missing, not being downloaded and whose URI is known, or -1. */
    private long next(long from, long to) {
        for (long seq = from; seq <= to; seq++) {
            Timeline.Known k = timeline.known.get(seq);
            if (!timeline.stored.containsKey(seq) && !inFlight.contains(seq) && k != null && !k.uris.isEmpty()) {
                return seq;
            }
        }
        return -1;
    }

    private boolean upgradeLeft() {
        int best = renditions.size() - 1;
        return !upgradesExhausted && best > 0
                && timeline.stored.values().stream().anyMatch(s -> s.rendition() < best);
    }

    private void upgrade() {
        int best = renditions.size() - 1;
        if (!upgradeLeft()) {
            return;
        }
        if (!bestFetched) {
            fetchingBest = true;
            origin.get(renditions.get(best)).onComplete(ar -> {
                fetchingBest = false;
                if (ar.succeeded()) {
                    try {
                        learn(PlaylistParser.media(ar.result().toString(), renditions.get(best).toString()), best);
                        bestFetched = true;
                    } catch (RuntimeException e) {
                        error = e.getMessage();
                    }
                }
                later(this::pump);
            });
            return;
        }
        for (var e : timeline.stored.entrySet()) {
            Timeline.Known k = timeline.known.get(e.getKey());
            if (e.getValue().rendition() < best && k != null && k.uris.containsKey(best)
                    && !inFlight.contains(e.getKey())) {
                download(e.getKey(), best);
                return;
            }
        }
        // The origin no longer lists the rest in its best rendition (its window moved on): keep what we have.
        upgradesExhausted = true;
    }

    private void download(long seq, int wanted) {
        Timeline.Known k = timeline.known.get(seq);
        int rendition = k.uris.containsKey(wanted) ? wanted : k.uris.keySet().stream()
                .filter(r -> r <= wanted).max(Integer::compare).orElse(k.uris.keySet().iterator().next());
        URI uri = renditions.get(rendition).resolve(k.uris.get(rendition));
        inFlight.add(seq);
        long started = System.nanoTime();
        origin.get(uri).compose(body -> {
            String bad = OriginClient.mpegTsProblem(body);
            if (bad != null) {
                return Future.failedFuture(new OriginException(uri + ": not an MPEG-TS segment (" + bad + ")",
                        false));
            }
            // With two in flight the link is shared: the time since the later of this one's start and the last
            // completion is what this body took of the link.
            long done = System.nanoTime();
            abr.measured(body.length(), (done - Math.max(started, lastDone)) / 1e9);
            lastDone = done;
            double now = clock.now();
            return store.put(lesson.id(), seq, rendition, k.duration, k.mediaStart, now, body.getBytes())
                    .map(v -> now);
        }).onComplete(ar -> {
            inFlight.remove(seq);
            if (stopped) {
                return;
            }
            if (ar.failed()) {
                failed(ar.cause());
                if (pumpTimer == -1) {
                    pumpTimer = vertx.setTimer(backoff(), id -> {
                        pumpTimer = -1;
                        pump();
                    });
                }
                return;
            }
            Timeline.Stored before = timeline.stored.get(seq);
            timeline.stored.put(seq, new Timeline.Stored(rendition, before == null ? ar.result() : before.fetchedAt()));
            timeline.outages.succeeded(clock.now());
            failures = 0;
            pump();
        });
    }

    /** A playlist request failed: asks again after the backoff. */
    private void pollLater(Throwable cause, Runnable retry) {
        if (stopped) {
            return;
        }
        failed(cause);
        pollTimer = vertx.setTimer(backoff(), id -> retry.run());
    }

    /** Counts a failure: a link that is down is an outage, anything else the lesson's error. */
    private void failed(Throwable cause) {
        if (cause instanceof OriginException oe && oe.linkDown()) {
            timeline.outages.failed(clock.now());
        } else {
            String message = "lesson " + lesson.id() + ": " + cause.getMessage();
            if (!message.equals(error)) {
                LOG.warn("{}", message);
            }
            error = message;
        }
        failures = Math.min(failures + 1, 20);
    }

    private long backoff() {
        return Math.min(config.reconnectMaxMillis(), config.reconnectMinMillis() * (1L << Math.min(failures - 1, 16)));
    }

    private void later(Runnable action) {
        vertx.runOnContext(v -> action.run());
    }

    SegmentStore.State state() {
        return new SegmentStore.State(timeline.targetDuration, timeline.firstSeq, timeline.anchor, timeline.delay,
                timeline.nextSeq, timeline.endSeq, finished);
    }

    private void saveState() {
        if (timeline.started()) {
            store.saveState(lesson.id(), state()).onFailure(e -> LOG.warn("lesson {}: {}", lesson.id(),
                    e.getMessage()));
        }
    }
}
