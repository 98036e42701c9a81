package org.classbox.sim.lessons;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live HLS origin of real media: ffmpeg encodes one lesson (see {@link Ffmpeg#encode}) and an HTTP server serves
 * it at {@code /live/<lesson>/master.m3u8}, with {@code /snapshot.jpg} standing in for a classroom camera.
 * {@link #start()} completes once the multivariant playlist exists, so a box pointed at {@link #masterUri()} finds
 * it; the media playlists then grow by a segment every {@code segmentSeconds / rate} wall seconds and end with
 * {@code EXT-X-ENDLIST} after {@code minutes} of media. {@link #stop()} kills ffmpeg and frees the port.
 */
public final class LessonOrigin {
    private static final Logger log = LoggerFactory.getLogger(LessonOrigin.class);
    private static final long START_TIMEOUT_MILLIS = 30_000;
    private static final long POLL_MILLIS = 50;

    private final Vertx vertx;
    private final LessonOriginConfig config;
    private final WorkerExecutor worker;
    private final Promise<Void> ended = Promise.promise();
    private volatile Encoder encoder;
    private volatile Path ffmpeg;
    private HttpServer server;
    private volatile int boundPort = -1;
    private boolean started;
    private boolean stopped;

    public LessonOrigin(Vertx vertx, LessonOriginConfig config) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.config = Objects.requireNonNull(config, "config");
        this.worker = vertx.createSharedWorkerExecutor("lesson-origin", 1);
    }

    /** Starts ffmpeg and the HTTP server; completes when the master playlist is there. Starts once. */
    public synchronized Future<Void> start() {
        if (started) {
            return Future.failedFuture(new IllegalStateException("lesson origin " + config.lessonId()
                    + " was already started"));
        }
        started = true;
        return worker.executeBlocking(this::startEncoder)
                .compose(v -> listen())
                .compose(v -> awaitMasterPlaylist())
                .onSuccess(v -> log.info("lesson origin: {} at {}, {} min at {}x real time, {} s segments, ffmpeg pid {}",
                        config.lessonId(), masterUri(), config.minutes(), config.rate(), config.segmentSeconds(),
                        encoder.pid()))
                .recover(failure -> stop().transform(ignored -> Future.failedFuture(new IllegalStateException(
                        "lesson origin " + config.lessonId() + " did not start: " + failure.getMessage(), failure))));
    }

    /** Kills ffmpeg (SIGKILL, waited for) and closes the HTTP server. */
    public synchronized Future<Void> stop() {
        if (stopped) {
            return Future.succeededFuture();
        }
        stopped = true;
        Future<Void> killed = worker.executeBlocking(() -> {
            Encoder running = encoder;
            if (running != null) {
                running.kill();
            }
            return null;
        });
        HttpServer listening = server;
        server = null;
        return killed.eventually(() -> listening == null ? Future.succeededFuture() : listening.close())
                .eventually(worker::close)
                .onComplete(done -> {
                    ended.tryFail("the origin was stopped before the lesson ended");
                    log.info("lesson origin {} stopped", config.lessonId());
                });
    }

    /** Completes when ffmpeg has written the whole lesson ({@code EXT-X-ENDLIST}); fails if it failed or was stopped. */
    public Future<Void> ended() {
        return ended.future();
    }

    /** The HTTP port; known once {@link #start()} has succeeded. */
    public int port() {
        int port = boundPort;
        if (port < 0) {
            throw new IllegalStateException("lesson origin " + config.lessonId() + " is not listening yet");
        }
        return port;
    }

    public URI masterUri() {
        return URI.create("http://" + config.host() + ":" + port() + "/live/" + config.lessonId() + "/master.m3u8");
    }

    public URI snapshotUri() {
        return URI.create("http://" + config.host() + ":" + port() + "/snapshot.jpg");
    }

    public LessonOriginConfig config() {
        return config;
    }

    /** The encoder's process id while it runs (tests check that none is left behind). */
    public long encoderPid() {
        Encoder running = encoder;
        if (running == null) {
            throw new IllegalStateException("lesson origin " + config.lessonId() + " has no encoder");
        }
        return running.pid();
    }

    private Void startEncoder() throws IOException {
        ffmpeg = Ffmpeg.locate(config.ffmpeg());
        Path lessonDir = config.lessonDir();
        Path pidFile = config.liveDir().resolveSibling("ffmpeg-" + config.lessonId() + ".pid");
        killLeftover(pidFile, lessonDir);
        deleteTree(lessonDir);
        Files.createDirectories(lessonDir);
        List<String> command = Ffmpeg.encode(ffmpeg, config, Ffmpeg.font());
        Path logFile = config.liveDir().resolveSibling("ffmpeg-" + config.lessonId() + ".log");
        log.debug("lesson origin: {}", String.join(" ", command));
        Encoder started = Encoder.start(command, logFile);
        encoder = started;
        Files.writeString(pidFile, started.pid() + "\n");
        started.exit().whenComplete((code, failure) -> {
            if (code != null && code == 0) {
                ended.tryComplete();
            } else {
                ended.tryFail(new IllegalStateException("ffmpeg for lesson " + config.lessonId() + " ended with exit"
                        + " code " + code + ": " + started.logTail()));
            }
        });
        return null;
    }

    private Future<Void> listen() {
        Router router = Router.router(vertx);
        router.route("/live/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(new LessonFiles(config.liveDir())::handle);
        router.get("/snapshot.jpg").handler(this::snapshot);
        server = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port()));
        return server.requestHandler(router).listen()
                .onSuccess(s -> boundPort = s.actualPort())
                .recover(e -> Future.failedFuture(new IllegalStateException("cannot listen on " + config.host() + ":"
                        + config.port() + ": " + e.getMessage(), e)))
                .mapEmpty();
    }

    /** Polls for master.m3u8 on a timer; fails at once if ffmpeg ends before writing it. */
    private Future<Void> awaitMasterPlaylist() {
        Promise<Void> ready = Promise.promise();
        String master = config.lessonDir().resolve("master.m3u8").toString();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        vertx.setPeriodic(POLL_MILLIS, timer -> vertx.fileSystem().exists(master).onComplete(exists -> {
            if (ready.future().isComplete()) {
                return;
            }
            if (exists.succeeded() && exists.result()) {
                vertx.cancelTimer(timer);
                ready.complete();
            } else if (!encoder.isAlive()) {
                vertx.cancelTimer(timer);
                ready.fail("ffmpeg ended before writing " + master + ": " + encoder.logTail());
            } else if (System.nanoTime() > deadline) {
                vertx.cancelTimer(timer);
                ready.fail("ffmpeg wrote no " + master + " within " + START_TIMEOUT_MILLIS / 1000 + " s: "
                        + encoder.logTail());
            }
        }));
        return ready.future();
    }

    private void snapshot(RoutingContext rc) {
        Rendition largest = config.renditions().get(0);
        worker.executeBlocking(() -> jpeg(Ffmpeg.snapshot(ffmpeg, largest.size(), Ffmpeg.font())))
                .onSuccess(jpeg -> rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "image/jpeg")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").end(Buffer.buffer(jpeg)))
                .onFailure(e -> {
                    log.warn("lesson origin: snapshot failed: {}", e.getMessage());
                    rc.response().setStatusCode(503).end("snapshot failed\n");
                });
    }

    private static byte[] jpeg(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (InputStream out = process.getInputStream()) {
            byte[] jpeg = out.readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || jpeg.length == 0) {
                throw new IOException("ffmpeg snapshot failed (exit " + (process.isAlive() ? "none" : process.exitValue())
                        + ")");
            }
            return jpeg;
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * A JVM killed with SIGKILL cannot kill its ffmpeg, which then writes on until the lesson's end: the next start of
     * the same lesson kills it, if the recorded process is still an ffmpeg writing this lesson's folder.
     */
    private static void killLeftover(Path pidFile, Path lessonDir) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String text = Files.readString(pidFile).strip();
        if (text.matches("\\d{1,19}")) {
            ProcessHandle.of(Long.parseLong(text))
                    .filter(p -> p.info().commandLine().map(line -> line.contains(lessonDir.toString())).orElse(false))
                    .ifPresent(leftover -> {
                        log.warn("lesson origin: killing ffmpeg pid {} left behind by an earlier run", leftover.pid());
                        leftover.destroyForcibly();
                        leftover.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                    });
        }
        Files.delete(pidFile);
    }

    /** Empties the lesson's own folder: a new run of the origin starts the lesson afresh. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
