package org.classbox.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import org.classbox.agent.lessons.hls.MediaPlaylist;
import org.classbox.agent.lessons.hls.PlaylistParser;
import org.classbox.agent.lessons.buffer.MediaClock;
import org.classbox.agent.lessons.hls.Segment;

/**
 * A live HLS player that behaves as hls.js 1.4.12 does with its defaults, in media time, loading real playlists and
 * segments over HTTP: it starts {@code liveSyncCount} target durations behind the live edge, loads one fragment at a
 * time while less than 30 s ({@code maxBufferLength}) is buffered ahead, reloads the playlist after the last
 * segment's duration (half of it when nothing was added), skips {@code EXT-X-GAP} fragments and jumps the hole they
 * leave, and never jumps ahead after a stall ({@code liveMaxLatencyDurationCount} is infinite). Errors as in
 * hls.js 1.4.12's error controller: a request that fails without an HTTP status (reset, refused: status 0 while
 * {@code navigator.onLine}) is not retried, a timeout (10 s to the first byte) is retried 2 times for a playlist and
 * 4 for a fragment, a 5xx with backoff from 1 s; with one level, what is not retried is fatal. On a fatal error the
 * page reloads the player (a new {@code Hls}, {@code loadSource} every 1 s until the playlist loads) while the video
 * plays out what it holds; the new player starts at the live edge again, the jump counted as skipped. What a player
 * that stays dead would have shown is derived from the first fatal error ({@link #stalledIfGivenUp}).
 * Runs on one event-loop context; read the figures there or after {@link #stop()}.
 */
final class PlayerModel {
    /** Where a playlist's segments sit in media time. */
    enum Timeline {
        /** an EVENT playlist from the lesson's first segment: the sum of the EXTINFs before */
        CUMULATIVE,
        /** {@code EXT-X-PROGRAM-DATE-TIME} is the Unix epoch plus the media seconds (the box's local playlists) */
        PROGRAM_DATE_TIME
    }

    private static final double MAX_BUFFER_LENGTH = 30;
    private static final double TIME_TO_FIRST_BYTE = 10;
    private static final double RELOAD_EVERY = 1;
    private static final double TICK = 0.1;
    private static final double HOLE = 0.1;

    private record Frag(long seq, double start, double duration, String uri, boolean gap) {
        double end() {
            return start + duration;
        }
    }

    final String name;
    private final Vertx vertx;
    private final HttpClient http;
    private final URI playlist;
    private final MediaClock clock;
    private final DoubleSupplier liveEdge;
    private final Timeline timeline;
    private final int liveSyncCount;
    private final TreeMap<Long, Frag> frags = new TreeMap<>();
    private final List<double[]> buffered = new ArrayList<>();
    private final List<double[]> stallEvents = new ArrayList<>();
    private Context context;
    private int generation;
    private int targetDuration = 2;
    private boolean listEnded;
    private long nextLoad = -1;
    private boolean loading;
    private boolean fatal;
    private boolean started;
    private boolean finished;
    private boolean inStall;
    private double position;
    private double lastAdvance;
    private long tickTimer = -1;
    private long playlistTimer = -1;
    private boolean stopped;
    double stalled;
    double skipped;
    int stalls;
    int fatalErrors;
    double startedAt = Double.NaN;
    double firstFatalAt = Double.NaN;
    private double stalledBeforeFatal;
    private double bufferedEndAtFatal;
    private double delayWeighted;
    private double playedTime;

    PlayerModel(String name, Vertx vertx, HttpClient http, URI playlist, MediaClock clock, DoubleSupplier liveEdge,
                Timeline timeline, int liveSyncCount) {
        this.name = name;
        this.vertx = vertx;
        this.http = http;
        this.playlist = playlist;
        this.clock = clock;
        this.liveEdge = liveEdge;
        this.timeline = timeline;
        this.liveSyncCount = liveSyncCount;
    }

    void start() {
        context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            lastAdvance = clock.now();
            tickTimer = vertx.setPeriodic(clock.wallMillis(TICK), id -> tick());
            loadPlaylist(generation, 0);
        });
    }

    Future<Void> stop() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            advance(clock.now());
            stopped = true;
            vertx.cancelTimer(tickTimer);
            vertx.cancelTimer(playlistTimer);
            done.complete();
        });
        return done.future();
    }

    boolean finished() {
        return finished;
    }

    /** Mean media seconds between the origin's live edge and what the class sees, over the time it played. */
    double meanDelay() {
        return playedTime == 0 ? Double.NaN : delayWeighted / playedTime;
    }

    /** The stall events, each {start, seconds} in media time. */
    List<double[]> stallEvents() {
        return stallEvents;
    }

    /**
     * Seconds stalled had the page not reloaded the player after its first fatal error: the stalls before, then
     * frozen for the rest of the lesson once the buffer it held had played out.
     */
    double stalledIfGivenUp(double lessonSeconds) {
        if (Double.isNaN(firstFatalAt)) {
            return stalled;
        }
        return stalledBeforeFatal + Math.max(0, lessonSeconds - bufferedEndAtFatal);
    }

    private void tick() {
        double now = clock.now();
        advance(now);
        loadNext();
    }

    /** Plays from the last call to now: through buffered media, over gaps, or stalled. */
    private void advance(double now) {
        double dt = now - lastAdvance;
        lastAdvance = now;
        if (!started || finished || stopped) {
            return;
        }
        while (dt > 1e-9) {
            double[] range = rangeAt(position);
            if (range != null) {
                double step = Math.min(dt, range[1] - position);
                sampleDelay(step);
                position += step;
                dt -= step;
                inStall = false;
                continue;
            }
            if (listEnded && !frags.isEmpty() && position >= frags.lastEntry().getValue().end() - HOLE) {
                finished = true;
                return;
            }
            double[] after = rangeAfter(position);
            if (after != null && onlyGapsBefore(after[0])) {
                skipped += after[0] - position;
                position = after[0];
                continue;
            }
            if (!inStall) {
                inStall = true;
                stalls++;
                stallEvents.add(new double[] {now - dt, 0});
            }
            stallEvents.get(stallEvents.size() - 1)[1] += dt;
            stalled += dt;
            dt = 0;
        }
    }

    private void sampleDelay(double seconds) {
        double edge = liveEdge.getAsDouble();
        if (!listEnded || position < edge) {
            delayWeighted += (edge - position) * seconds;
            playedTime += seconds;
        }
    }

    private double[] rangeAt(double t) {
        for (double[] r : buffered) {
            if (r[0] <= t + 1e-9 && t < r[1] - 1e-9) {
                return r;
            }
        }
        return null;
    }

    private double[] rangeAfter(double t) {
        for (double[] r : buffered) {
            if (r[0] > t) {
                return r;
            }
        }
        return null;
    }

    /** True when nothing but gap fragments (or nothing at all: a skip in the list) lies in [position, until). */
    private boolean onlyGapsBefore(double until) {
        for (Frag f : frags.values()) {
            if (!f.gap() && f.end() > position + 1e-6 && f.start() < until - 1e-6) {
                return false;
            }
        }
        return true;
    }

    private double bufferedEnd() {
        double[] r = rangeAt(position);
        return r == null ? position : r[1];
    }

    private void addBuffered(double start, double end) {
        for (double[] r : buffered) {
            if (Math.abs(r[1] - start) < HOLE) {
                r[1] = Math.max(r[1], end);
                merge();
                return;
            }
        }
        buffered.add(new double[] {start, end});
        buffered.sort((a, b) -> Double.compare(a[0], b[0]));
        merge();
    }

    private void merge() {
        for (int i = 0; i + 1 < buffered.size(); ) {
            double[] a = buffered.get(i);
            double[] b = buffered.get(i + 1);
            if (b[0] <= a[1] + HOLE) {
                a[1] = Math.max(a[1], b[1]);
                buffered.remove(i + 1);
            } else {
                i++;
            }
        }
    }

    private void loadPlaylist(int gen, int timeouts) {
        if (stopped || gen != generation) {
            return;
        }
        double asked = clock.now();
        get(playlist).onComplete(ar -> {
            if (stopped || gen != generation) {
                return;
            }
            if (ar.failed()) {
                if (ar.cause() instanceof TimeoutException && timeouts < 2) {
                    loadPlaylist(gen, timeouts + 1);
                } else {
                    fatalError();
                }
                return;
            }
            MediaPlaylist list;
            try {
                list = PlaylistParser.media(ar.result().toString(), playlist.toString());
            } catch (RuntimeException e) {
                fatalError();
                return;
            }
            boolean added = learn(list);
            double last = list.segments().isEmpty() ? targetDuration
                    : list.segments().get(list.segments().size() - 1).duration();
            if (!listEnded) {
                double wait = Math.max(0.1, (added ? last : last / 2) - (clock.now() - asked));
                playlistTimer = vertx.setTimer(clock.wallMillis(wait), id -> loadPlaylist(gen, 0));
            }
            loadNext();
        });
    }

    /** Takes in a playlist; the first one of a (re)started player picks the start position. */
    private boolean learn(MediaPlaylist list) {
        targetDuration = list.targetDuration();
        listEnded = list.ended();
        boolean added = false;
        double cumulative = 0;
        for (Segment s : list.segments()) {
            double start = timeline == Timeline.PROGRAM_DATE_TIME && s.programDateTime() != null
                    ? s.programDateTime().toEpochMilli() / 1000.0 : cumulative;
            cumulative += s.duration();
            if (frags.put(s.sequence(), new Frag(s.sequence(), start, s.duration(), s.uri(), s.gap())) == null) {
                added = true;
            }
        }
        if (nextLoad < 0 && !frags.isEmpty()) {
            double edge = frags.lastEntry().getValue().end();
            double startAt = Math.max(frags.firstEntry().getValue().start(), edge - liveSyncCount * targetDuration);
            if (started && startAt <= position) {
                startAt = position;
            }
            if (started) {
                skipped += startAt - position; // a reloaded player starts at the live edge again
            }
            position = startAt;
            for (Frag f : frags.values()) {
                if (f.end() > startAt + 1e-6) {
                    nextLoad = f.seq();
                    break;
                }
            }
        }
        return added;
    }

    private void loadNext() {
        if (loading || fatal || stopped || nextLoad < 0) {
            return;
        }
        Frag f = frags.get(nextLoad);
        while (f != null && f.gap()) {
            nextLoad++;
            f = frags.get(nextLoad);
        }
        if (f == null || bufferedEnd() - position >= MAX_BUFFER_LENGTH) {
            return;
        }
        loadFrag(f, generation, 0, 0);
    }

    private void loadFrag(Frag f, int gen, int timeouts, int errors) {
        loading = true;
        get(playlist.resolve(f.uri())).onComplete(ar -> {
            if (stopped || gen != generation) {
                return;
            }
            if (ar.failed()) {
                boolean timeout = ar.cause() instanceof TimeoutException;
                if (timeout && timeouts < 4) {
                    loadFrag(f, gen, timeouts + 1, errors);
                } else if (ar.cause() instanceof HttpStatus s && s.code >= 500 && errors < 6) {
                    vertx.setTimer(clock.wallMillis(Math.min(8, Math.pow(2, errors))),
                            id -> loadFrag(f, gen, timeouts, errors + 1));
                } else {
                    loading = false;
                    fatalError();
                }
                return;
            }
            advance(clock.now());
            loading = false;
            addBuffered(f.start(), f.end());
            if (!started && rangeAt(position) != null) {
                started = true;
                startedAt = clock.now();
            }
            nextLoad = f.seq() + 1;
            loadNext();
        });
    }

    /** A fatal error: hls.js stops loading; the page makes a new player, which first loads the playlist again. */
    private void fatalError() {
        if (started && Double.isNaN(firstFatalAt)) {
            advance(clock.now());
            firstFatalAt = clock.now();
            stalledBeforeFatal = stalled;
            bufferedEndAtFatal = bufferedEnd();
        }
        if (started) {
            fatalErrors++;
        }
        fatal = true;
        int gen = ++generation;
        vertx.setTimer(clock.wallMillis(RELOAD_EVERY), id -> {
            if (gen != generation || stopped) {
                return;
            }
            advance(clock.now());
            fatal = false;
            loading = false;
            nextLoad = -1;
            frags.clear();
            buffered.removeIf(r -> r[1] <= position); // the video keeps what it holds until the new player has media
            loadPlaylist(gen, 0);
        });
    }

    /** One GET; a response other than 200 fails with {@link HttpStatus}, an idle connection with a timeout. */
    private Future<Buffer> get(URI uri) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
                .setIdleTimeout(clock.wallMillis(TIME_TO_FIRST_BYTE));
        return http.request(options).compose(req -> req.send()).compose(resp -> resp.body().compose(body ->
                resp.statusCode() == 200 ? Future.succeededFuture(body)
                        : Future.failedFuture(new HttpStatus(resp.statusCode()))))
                .recover(e -> Future.failedFuture(isTimeout(e) ? new TimeoutException(e.getMessage()) : e));
    }

    private static boolean isTimeout(Throwable e) {
        return e instanceof TimeoutException || String.valueOf(e.getMessage()).toLowerCase().contains("timeout");
    }

    /** A response that was not 200. */
    static final class HttpStatus extends Exception {
        final int code;

        HttpStatus(int code) {
            super("HTTP " + code, null, false, false);
            this.code = code;
        }
    }
}
