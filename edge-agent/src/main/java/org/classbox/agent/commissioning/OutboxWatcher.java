package org.classbox.agent.commissioning;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.classbox.agent.config.CommissioningConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.CommissioningMetrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the outbox the provisioning CLI drops self-test reports in ({@code selftest-*.json}; {@code .tmp} files
 * are still being written) and journals each as one event of device {@value CommissioningMetrics#DEVICE}. A file is
 * deleted only once its record is committed, so a crash in between sends it again rather than never; one that is
 * malformed or too large is moved to {@code rejected/} with a log line. Polls on a timer of the agent's context;
 * file work runs on the {@code commissioning} worker; one pass at a time.
 */
public final class OutboxWatcher {
    private static final Logger log = LoggerFactory.getLogger(OutboxWatcher.class);

    private final Vertx vertx;
    private final CommissioningConfig config;
    private final Journal journal;
    private final Runnable appended;
    private WorkerExecutor worker;
    private long timer = -1;
    private Future<Void> pass = Future.succeededFuture();
    /** Reports journaled but not deleted (the outbox is not the agent's to write); touched on the worker only. */
    private final Set<Path> undeletable = new HashSet<>();

    public OutboxWatcher(Vertx vertx, CommissioningConfig config, Journal journal, Runnable appended) {
        this.vertx = vertx;
        this.config = config;
        this.journal = journal;
        this.appended = appended;
    }

    public Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("commissioning", 1);
        timer = vertx.setPeriodic(0, config.pollMillis(), id -> {
            if (pass.isComplete()) {
                pass = drain();
            }
        });
        return Future.succeededFuture();
    }

    /** Stops polling and waits for a pass under way, so no file is left half handled. */
    public Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        return pass.eventually(() -> worker == null ? Future.succeededFuture() : worker.close());
    }

    /** One pass: every report waiting, oldest first (their names carry the time), each journaled then deleted. */
    Future<Void> drain() {
        return worker.executeBlocking(this::waiting, false).compose(files -> {
            Future<Void> chain = Future.succeededFuture();
            for (Path file : files) {
                chain = chain.compose(v -> handle(file));
            }
            return chain;
        }).recover(e -> {
            log.warn("commissioning outbox {}: {}", config.outboxDir(), e.getMessage());
            return Future.succeededFuture();
        });
    }

    private List<Path> waiting() throws IOException {
        Path outbox = config.outboxDir();
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)
                    && !undeletable.contains(f)).sorted().toList();
        }
    }

    private Future<Void> handle(Path file) {
        return worker.executeBlocking(() -> {
            String name = file.getFileName().toString();
            long size = Files.size(file);
            try {
                if (size > CommissioningMetrics.MAX_REPORT_BYTES) {
                    // Not read at all: a huge file must not cost the Pi its heap.
                    throw new IllegalArgumentException(name + " is " + size + " bytes, more than the "
                            + CommissioningMetrics.MAX_REPORT_BYTES + " a report may have");
                }
                return CommissioningReport.read(name, Files.readAllBytes(file));
            } catch (IllegalArgumentException e) {
                reject(file, e.getMessage());
                return null;
            }
        }, false).compose(payload -> payload == null ? Future.succeededFuture() : journal(file, payload));
    }

    private Future<Void> journal(Path file, Payload payload) {
        long now = System.currentTimeMillis();
        JournalEntry entry = new JournalEntry(RecordClass.EVENT, CommissioningMetrics.DEVICE, now,
                PayloadCodec.encode(payload));
        return journal.append(entry).compose(id -> {
            appended.run();
            log.info("commissioning report {} journaled as record {}", file.getFileName(), id);
            return worker.executeBlocking(() -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // Journaled already: remembered, so it is not sent again each poll while it cannot be deleted.
                    undeletable.add(file);
                    log.warn("commissioning report {} is journaled but cannot be deleted ({}); the agent needs"
                            + " write access to {}", file.getFileName(), e, file.getParent());
                }
                return null;
            }, false);
        });
    }

    private void reject(Path file, String why) throws IOException {
        Path rejected = Files.createDirectories(file.resolveSibling("rejected"));
        Files.move(file, rejected.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        log.warn("commissioning report rejected and moved to {}: {}", rejected, why);
    }
}
