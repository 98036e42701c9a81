package org.classbox.bench;

import static org.classbox.bench.LessonStorageBench.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.classbox.agent.config.LessonsConfig;
import org.classbox.agent.lessons.buffer.BufferStatus;
import org.classbox.agent.lessons.buffer.LessonBuffers;
import org.classbox.agent.lessons.buffer.LiveLesson;
import org.classbox.agent.lessons.buffer.MediaClock;
import org.classbox.agent.lessons.storage.LessonDatabase;
import org.classbox.sim.lessons.LessonOrigin;
import org.classbox.sim.lessons.LessonOriginConfig;
import org.classbox.sim.lessons.Rendition;
import org.classbox.sim.link.LinkProfile;
import org.classbox.sim.link.LinkSimulator;

/**
 * One run of a lesson, compressed by {@code rate}: the origin (ffmpeg, one 1.5 Mbit/s rendition), the box's
 * {@link LessonBuffers} following it through its own link simulator and serving its local playlist on loopback, and
 * players: {@code DIRECT} ones reading the origin through a second link simulator of the same profile started at the
 * same moment, {@code CLASSBOX} ones reading the box. Link profiles are given in media time and scaled here:
 * bandwidth times the rate, delay divided by it, outage trace compressed by it. The box's own wall-time settings
 * (request timeout, reconnect backoff) are divided by the rate too, so it behaves as it would at 1x.
 */
final class LessonScenario {
    static final String LESSON = "bench-lesson";
    /** 1,436 kbit/s of video and ffmpeg's 64 kbit/s of AAC: a 1.5 Mbit/s stream. */
    private static final Rendition RENDITION = new Rendition(640, 360, 1_436_000);

    /**
     * A player to run: reading the origin directly or the box, starting this many target durations behind, joining
     * the lesson this many media seconds after it started.
     */
    record Player(String name, boolean direct, int liveSyncCount, double joinAfterSeconds) {
        Player(String name, boolean direct, int liveSyncCount) {
            this(name, direct, liveSyncCount, 0);
        }
    }

    /** What a run measured. */
    record Result(double t0, List<PlayerModel> players, List<CatchUpWatch.Outage> outages, double lessonSeconds,
                  double streamBitsPerSecond, double originRate, BufferStatus box, long boxBytesDown,
                  long directBytesDown) {
    }

    private final double minutes;
    private final double rate;
    private final LinkProfile profile;
    private final LiveLesson.Mode mode;
    private final int delayTargetSeconds;
    private final List<Player> players;

    LessonScenario(double minutes, double rate, LinkProfile mediaTimeProfile, LiveLesson.Mode mode,
                   int delayTargetSeconds, List<Player> players) {
        this.minutes = minutes;
        this.rate = rate;
        this.profile = mediaTimeProfile;
        this.mode = mode;
        this.delayTargetSeconds = delayTargetSeconds;
        this.players = players;
    }

    Result run() throws Exception {
        Path root = Files.createTempDirectory("classbox-bench-lessons");
        Vertx vertx = Vertx.vertx();
        try {
            return run(vertx, root);
        } finally {
            await(vertx.close());
            LessonStorageBench.deleteTree(root);
        }
    }

    private Result run(Vertx vertx, Path root) throws Exception {
        MediaClock clock = new MediaClock(rate);
        LessonOriginConfig originConfig = new LessonOriginConfig("127.0.0.1", 0, LESSON, minutes, 2, rate, 25,
                List.of(RENDITION), root.resolve("origin"), "ffmpeg");
        LessonOrigin origin = new LessonOrigin(vertx, originConfig);
        LinkProfile wall = new LinkProfile(profile.name(), Math.round(profile.uplinkBitsPerSecond() * rate),
                Math.round(profile.downlinkBitsPerSecond() * rate), (int) Math.round(profile.delayMillis() / rate),
                (int) Math.round(profile.jitterMillis() / rate), profile.outages(), rate);
        LessonDatabase db = new LessonDatabase(vertx, root.resolve("box"));
        LessonsConfig d = LessonsConfig.defaults();
        LessonsConfig boxConfig = new LessonsConfig(rate, d.broadcastDelaySeconds(), d.delayCapSeconds(),
                d.interactiveStartSegments(), d.outageWindowSeconds(), d.delayMarginSeconds(),
                d.liveWindowSegments(), scaled(d.requestTimeoutMillis()), scaled(d.reconnectMinMillis()),
                scaled(d.reconnectMaxMillis()), d.maxSegmentMegabytes());
        LessonBuffers buffers = new LessonBuffers(vertx, db, boxConfig);
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(scaled(10_000)));
        await(origin.start());
        double t0 = clock.now();
        LinkSimulator boxLink = new LinkSimulator(vertx, wall, 0, "127.0.0.1", origin.port());
        LinkSimulator directLink = new LinkSimulator(vertx, wall, 0, "127.0.0.1", origin.port());
        OriginEdge edge = new OriginEdge(originConfig.lessonDir().resolve(RENDITION.name()));
        CatchUpWatch catchUp = new CatchUpWatch(db.dataDir().resolve("segments").resolve("lesson-" + LESSON),
                edge, new MediaClock(rate), profile.downlinkBitsPerSecond());
        boxLink.onStateChange(catchUp::linkChanged);
        HttpServer local = null;
        List<PlayerModel> models = new ArrayList<>();
        try {
            await(db.start());
            await(buffers.start());
            local = await(vertx.createHttpServer().requestHandler(buffers.mediaRouter()).listen(0, "127.0.0.1"));
            await(Future.all(boxLink.start(), directLink.start()));
            Instant now = Instant.now();
            await(buffers.follow(new LiveLesson(LESSON, URI.create("http://127.0.0.1:" + boxLink.port() + "/live/"
                    + LESSON + "/master.m3u8"), mode, delayTargetSeconds, 0, now,
                    now.plusMillis(clock.wallMillis(minutes * 60)))));
            for (Player p : players) {
                URI uri = URI.create(p.direct()
                        ? "http://127.0.0.1:" + directLink.port() + "/live/" + LESSON + "/" + RENDITION.name()
                        + "/index.m3u8"
                        : "http://127.0.0.1:" + local.actualPort() + "/lessons/" + LESSON + "/live.m3u8");
                PlayerModel model = new PlayerModel(p.name(), vertx, http, uri, clock, edge::edgeSeconds,
                        p.direct() ? PlayerModel.Timeline.CUMULATIVE : PlayerModel.Timeline.PROGRAM_DATE_TIME,
                        p.liveSyncCount());
                models.add(model);
                vertx.setTimer(clock.wallMillis(p.joinAfterSeconds()), id -> model.start());
            }
            double lessonSeconds = minutes * 60;
            // Every player ends by the lesson's end plus the delay cap and a margin, stalled or not.
            double deadline = t0 + lessonSeconds * 1.05 + 120 + 30;
            long progress = System.nanoTime();
            double endedAt = Double.NaN;
            while (clock.now() < deadline && !(edge.ended() && models.stream().allMatch(PlayerModel::finished))) {
                Thread.sleep(50); // a harness polling the origin's files, not a test: nothing to await instead
                edge.refresh();
                catchUp.check();
                if (edge.ended() && Double.isNaN(endedAt)) {
                    endedAt = clock.now();
                }
                if (System.nanoTime() - progress > 20_000_000_000L) {
                    progress = System.nanoTime();
                    BufferStatus box = buffers.status(LESSON);
                    System.err.printf("  ... %.0f s of %.0f media s: origin edge %.0f s; box delay %.0f s, %.0f s"
                                    + " ahead, %.0f s of gaps, %d missing%n", clock.now() - t0, lessonSeconds,
                            edge.edgeSeconds(), box.delaySeconds(), box.aheadSeconds(), box.gapSeconds(),
                            box.segmentsMissing());
                }
            }
            double originRate = edge.edgeSeconds() / (((Double.isNaN(endedAt) ? clock.now() : endedAt) - t0) / rate);
            for (PlayerModel m : models) {
                await(m.stop());
            }
            return new Result(t0, models, catchUp.outages(), edge.edgeSeconds(), catchUp.streamBitsPerSecond(),
                    originRate, buffers.status(LESSON), boxLink.bytesDown(),
                    directLink.bytesDown());
        } finally {
            await(http.close());
            await(buffers.stop());
            if (local != null) {
                await(local.close());
            }
            await(Future.join(boxLink.stop(), directLink.stop()));
            await(db.stop());
            await(origin.stop());
        }
    }

    private int scaled(int wallMillis) {
        return Math.max(10, (int) Math.round(wallMillis / rate));
    }
}
