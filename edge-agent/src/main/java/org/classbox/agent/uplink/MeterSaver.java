package org.classbox.agent.uplink;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link ByteMeter}'s day on disk: loads it at start, saves it every {@code saveSeconds} when it changed and
 * at stop. File work runs on the named worker {@code uplink-meter}; everything else on the agent's context.
 */
public final class MeterSaver {
    private static final Logger log = LoggerFactory.getLogger(MeterSaver.class);

    private final Vertx vertx;
    private final ByteMeter meter;
    private final MeterFile file;
    private final int saveSeconds;
    private WorkerExecutor worker;
    private long timer = -1;

    public MeterSaver(Vertx vertx, ByteMeter meter, Path file, int saveSeconds) {
        this.vertx = vertx;
        this.meter = meter;
        this.file = new MeterFile(file);
        this.saveSeconds = saveSeconds;
    }

    /** Restores today's counts, if saved today; a damaged file is logged and counting starts from zero. */
    public Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("uplink-meter", 1);
        return worker.executeBlocking(file::load)
                .onSuccess(saved -> {
                    if (saved != null) {
                        meter.restore(saved);
                    }
                    timer = vertx.setPeriodic(saveSeconds * 1000L, id -> save());
                })
                .onFailure(e -> log.warn("starting the day's byte counts from zero: {}", e.getMessage()))
                .<Void>mapEmpty()
                .recover(e -> Future.succeededFuture());
    }

    public Future<Void> stop() {
        if (worker == null) {
            return Future.succeededFuture();
        }
        vertx.cancelTimer(timer);
        return save().onComplete(v -> worker.close());
    }

    private Future<Void> save() {
        ByteMeter.Counts changes = meter.takeChanges();
        if (changes == null) {
            return Future.succeededFuture();
        }
        return worker.<Void>executeBlocking(() -> {
            file.save(changes);
            return null;
        }).recover(e -> {
            log.warn("cannot save the day's byte counts: {}", e.getMessage());
            return Future.succeededFuture();
        });
    }
}
