package org.classbox.agent.classroom;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.classbox.agent.config.ClassroomConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code classroom.snapshotSeconds}, while a lesson runs, fetches one JPEG from the camera
 * ({@code classroom.snapshotUrl}) and journals it on the lesson's stream. Without the room's consent it never starts;
 * in privacy mode it fetches nothing. No copy stays on the box besides the journal's record, which goes once it is
 * delivered or once its time-to-live has passed. Runs on the context that started it.
 */
public final class SnapshotTaker {
    private static final Logger log = LoggerFactory.getLogger(SnapshotTaker.class);
    private static final int TIMEOUT_MILLIS = 5000;

    private final Vertx vertx;
    private final ClassroomConfig config;
    private final LessonSource lessons;
    private final Privacy privacy;
    private final BackChannel backChannel;
    private final LongSupplier clock;
    private final AtomicLong journaled = new AtomicLong();
    private HttpClient client;
    private long timer = -1;
    /** Set from the timer, cleared from the HTTP client's callbacks, which may run on another event loop. */
    private final AtomicBoolean busy = new AtomicBoolean();

    public SnapshotTaker(Vertx vertx, ClassroomConfig config, LessonSource lessons, Privacy privacy,
                         BackChannel backChannel, LongSupplier clock) {
        this.vertx = vertx;
        this.config = config;
        this.lessons = lessons;
        this.privacy = privacy;
        this.backChannel = backChannel;
        this.clock = clock;
    }

    public Future<Void> start() {
        if (!config.picturesConsent() || !config.hasCamera()) {
            log.info("classroom snapshots off ({})", config.hasCamera() ? "no consent for pictures" : "no camera");
            return Future.succeededFuture();
        }
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(TIMEOUT_MILLIS));
        timer = vertx.setPeriodic(config.snapshotSeconds() * 1000L, id -> tick());
        return Future.succeededFuture();
    }

    public Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        HttpClient closing = client;
        client = null;
        return closing == null ? Future.succeededFuture() : closing.close();
    }

    /** Snapshots journaled since the start. */
    public long journaled() {
        return journaled.get();
    }

    private void tick() {
        // A slow camera must not pile requests up behind it; privacy is checked before anything is fetched.
        if (privacy.on() || !busy.compareAndSet(false, true)) {
            return;
        }
        Instant now = Instant.ofEpochMilli(clock.getAsLong());
        lessons.lessons()
                .map(all -> all.stream().filter(l -> l.runsAt(now)).findFirst().orElse(null))
                .compose(lesson -> lesson == null ? Future.succeededFuture() : take(lesson.id()))
                .onComplete(done -> {
                    busy.set(false);
                    if (done.failed()) {
                        log.warn("no classroom snapshot from {}: {}", config.snapshotUrl(), done.cause().getMessage());
                    }
                });
    }

    private Future<Void> take(String lessonId) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(config.snapshotUrl())
                .setTimeout(TIMEOUT_MILLIS);
        return client.request(request)
                .compose(req -> req.send())
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture("HTTP " + response.statusCode());
                    }
                    return response.body();
                })
                .compose(body -> {
                    // Privacy may have been turned on while the picture was on its way: it is not kept then.
                    if (privacy.on()) {
                        return Future.succeededFuture();
                    }
                    check(body);
                    return backChannel.snapshot(lessonId, body.getBytes(), clock.getAsLong())
                            .onSuccess(id -> journaled.incrementAndGet()).mapEmpty();
                });
    }

    private static void check(Buffer body) {
        if (body.length() > BackChannel.maxSnapshotBytes()) {
            throw new IllegalStateException("snapshot of " + body.length() + " bytes is larger than the "
                    + BackChannel.maxSnapshotBytes() + " one journal record holds; lower the camera's resolution");
        }
        if (body.length() < 4 || body.getUnsignedByte(0) != 0xFF || body.getUnsignedByte(1) != 0xD8) {
            throw new IllegalStateException("the camera's answer (" + body.length() + " bytes) is not a JPEG");
        }
    }
}
