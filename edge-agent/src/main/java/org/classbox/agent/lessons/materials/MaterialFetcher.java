package org.classbox.agent.lessons.materials;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.classbox.agent.config.MaterialsConfig;
import org.classbox.agent.journal.JournalEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prefetches the materials of scheduled lessons, one at a time, lessons nearest in time first, only while no live
 * lesson uses the link ({@code liveActive}): a transfer running when a live lesson starts stops at once and keeps its
 * part, and the next check after the lesson resumes it with a ranged request — after an agent restart too, since the
 * part and its validator are on disk and in {@code material_download}. A finished part is checked against its size
 * and sha256: a match moves it into place, a mismatch deletes it, reports the error and tries again after
 * {@code materials.retrySeconds}. Runs on one Vert.x context; hashing runs on the {@code materials-files} worker.
 */
public final class MaterialFetcher {
    private static final Logger log = LoggerFactory.getLogger(MaterialFetcher.class);

    private final Vertx vertx;
    private final MaterialsConfig config;
    private final MaterialStore store;
    private final BooleanSupplier liveActive;
    private final MaterialProgress progress;
    private final RateLimit limit;
    private final AtomicLong liveSkips = new AtomicLong();
    private Context context;
    private HttpClient client;
    private WorkerExecutor files;
    private long timer = -1;
    private boolean busy;
    private boolean stopped;
    private Transfer current;
    private Future<Void> work = Future.succeededFuture();

    /**
     * @param liveActive true while a live lesson is followed (the lead wires {@code LessonBuffers::liveActive})
     * @param journal    appends a record (the agent's {@code Journal::append})
     */
    public MaterialFetcher(Vertx vertx, MaterialsConfig config, MaterialStore store, BooleanSupplier liveActive,
                           Function<JournalEntry, Future<Long>> journal) {
        this.vertx = vertx;
        this.config = config;
        this.store = store;
        this.liveActive = liveActive;
        this.progress = new MaterialProgress(journal);
        this.limit = new RateLimit(config.maxBytesPerSecond());
    }

    public Future<Void> start() {
        context = vertx.getOrCreateContext();
        files = vertx.createSharedWorkerExecutor("materials-files", 1);
        Promise<Void> started = Promise.promise();
        context.runOnContext(v -> {
            client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(30_000));
            timer = vertx.setPeriodic(config.checkSeconds() * 1000L, id -> tick());
            tick();
            started.complete();
        });
        return started.future();
    }

    /** Records what lessons need (see {@link MaterialStore#want}) and looks for work at once. */
    public Future<Void> want(List<Material> materials) {
        Future<Void> all = Future.succeededFuture();
        for (Material m : materials) {
            all = all.compose(v -> store.want(m)).mapEmpty();
        }
        return all.onSuccess(v -> {
            if (context != null) {
                context.runOnContext(x -> tick());
            }
        });
    }

    /** Times the fetcher found work but left the link to a live lesson. */
    public long liveSkips() {
        return liveSkips.get();
    }

    /** Whether a transfer is running now. */
    public boolean transferring() {
        Transfer t = current;
        return t != null;
    }

    public Future<Void> stop() {
        if (context == null) {
            return Future.succeededFuture();
        }
        Promise<Void> stoppedNow = Promise.promise();
        context.runOnContext(v -> {
            stopped = true;
            vertx.cancelTimer(timer);
            if (current != null) {
                current.pause();
            }
            work.eventually(() -> client.close()).eventually(() -> files.close()).onComplete(x ->
                    stoppedNow.complete());
        });
        return stoppedNow.future();
    }

    private void tick() {
        if (stopped || busy) {
            return;
        }
        busy = true;
        long now = System.currentTimeMillis();
        work = store.next(now).compose(next -> {
            if (next.isEmpty()) {
                return Future.succeededFuture(false);
            }
            if (liveActive.getAsBoolean()) {
                liveSkips.incrementAndGet();
                return Future.succeededFuture(false);
            }
            return fetch(next.get()).map(true);
        }).recover(e -> {
            log.warn("material fetcher: {}", e.getMessage());
            return Future.succeededFuture(false);
        }).map(again -> {
            busy = false;
            current = null;
            if (again && !stopped) {
                context.runOnContext(v -> tick());
            }
            return null;
        });
    }

    private Future<Void> fetch(MaterialState state) {
        Material m = state.material();
        MaterialFiles paths = store.files();
        Path part = paths.part(m.lessonId(), m.name());
        return files.executeBlocking(() -> {
            Files.createDirectories(part.getParent());
            return paths.partLength(m.lessonId(), m.name());
        }).compose(length -> {
            boolean resumable = state.validator() != null && length <= m.bytes();
            long offset = resumable ? length : 0;
            if (resumable && length == m.bytes() && length > 0) {
                return verify(m, part, state.error());
            }
            Transfer transfer = new Transfer(vertx, client, limit, liveActive);
            current = transfer;
            long reporter = vertx.setPeriodic(config.progressSeconds() * 1000L, new ProgressReport(m, transfer));
            log.info("fetching material {} of lesson {} from {} at byte {}", m.name(), m.lessonId(), m.url(), offset);
            return transfer.run(m, part, offset, state.validator(), v -> store.validator(m, v))
                    .eventually(() -> {
                        vertx.cancelTimer(reporter);
                        return Future.succeededFuture();
                    })
                    .compose(outcome -> outcome == Transfer.Outcome.DONE ? verify(m, part, state.error())
                            : paused(m, transfer));
        }).recover(e -> failed(m, e.getMessage(), state.error()));
    }

    private Future<Void> paused(Material m, Transfer transfer) {
        log.info("material {} of lesson {} paused at byte {}: {}", m.name(), m.lessonId(), transfer.partBytes(),
                stopped ? "the agent stops" : "a live lesson uses the link");
        progress.bytesDone(m, transfer.partBytes());
        return Future.succeededFuture();
    }

    private Future<Void> verify(Material m, Path part, String lastError) {
        return files.<String>executeBlocking(() -> {
            long size = Files.size(part);
            String sha256 = MaterialFiles.sha256(part);
            if (size == m.bytes() && sha256.equals(m.sha256())) {
                store.files().promote(part, m.lessonId(), m.name());
                return null;
            }
            Files.deleteIfExists(part);
            return "checksum mismatch: expected " + m.bytes() + " bytes with sha256 " + m.sha256() + ", got " + size
                    + " bytes with sha256 " + sha256 + "; the part is deleted";
        }).compose(mismatch -> {
            if (mismatch != null) {
                return failed(m, mismatch, lastError);
            }
            log.info("material {} of lesson {} verified ({} bytes)", m.name(), m.lessonId(), m.bytes());
            progress.complete(m);
            return store.complete(m);
        });
    }

    /** Records why; the fleet hears of an error when it differs from the last one, not at every retry. */
    private Future<Void> failed(Material m, String reason, String lastError) {
        log.warn("material {} of lesson {} not fetched, retried in {} s: {}", m.name(), m.lessonId(),
                config.retrySeconds(), reason);
        if (!reason.equals(lastError)) {
            progress.error(m, reason);
        }
        return store.failed(m, reason, System.currentTimeMillis() + config.retrySeconds() * 1000L);
    }

    /** Journals a transfer's progress when it moved since the last report. */
    private final class ProgressReport implements Handler<Long> {
        private final Material material;
        private final Transfer transfer;
        private long reported = -1;

        ProgressReport(Material material, Transfer transfer) {
            this.material = material;
            this.transfer = transfer;
        }

        @Override
        public void handle(Long timerId) {
            long now = transfer.partBytes();
            if (now != reported) {
                reported = now;
                progress.bytesDone(material, now);
            }
        }
    }
}
