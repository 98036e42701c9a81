package org.classbox.agent.classroom;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.LongSupplier;
import org.classbox.sparkplug.ClassroomMetrics;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room's privacy mode: while on, nothing of the class is captured (no snapshot is even fetched). Set from the
 * classroom's button ({@code POST/DELETE /api/v1/privacy}) or the fleet (NCMD metric {@code Classroom/Privacy}); kept
 * in {@code privacy.txt} (written aside, forced, then moved over, on the {@code classroom} worker) so a restart keeps
 * it; every change is journaled, so the console shows it.
 */
public final class Privacy {
    static final String FILE = "privacy.txt";
    private static final Logger log = LoggerFactory.getLogger(Privacy.class);

    private final Vertx vertx;
    private final Path dir;
    private final BackChannel backChannel;
    private final LongSupplier clock;
    private WorkerExecutor worker;
    private volatile boolean on;

    public Privacy(Vertx vertx, Path dir, BackChannel backChannel, LongSupplier clock) {
        this.vertx = vertx;
        this.dir = dir;
        this.backChannel = backChannel;
        this.clock = clock;
    }

    /** Reads the saved mode; a room never set is not in privacy mode. */
    public Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("classroom", 1);
        return worker.executeBlocking(() -> {
            Path file = dir.resolve(FILE);
            on = Files.exists(file) && Files.readString(file, StandardCharsets.US_ASCII).trim().equals("on");
            return null;
        });
    }

    public Future<Void> stop() {
        return worker == null ? Future.succeededFuture() : worker.close();
    }

    /** Whether capture is stopped. */
    public boolean on() {
        return on;
    }

    /**
     * Turns privacy mode on or off; completes once the mode is saved and journaled. Saved first: capture stops (or
     * stays stopped) even if the journal then fails.
     */
    public Future<Void> set(boolean wanted, String by) {
        return worker.<Void>executeBlocking(() -> {
            save(wanted);
            on = wanted;
            return null;
        }).compose(v -> {
            log.info("privacy mode {} ({})", wanted ? "on: capture stopped" : "off", by);
            return backChannel.privacy(wanted, clock.getAsLong()).<Void>mapEmpty();
        });
    }

    /** An NCMD from the fleet: acts on {@code Classroom/Privacy} if it holds a boolean, ignores the rest. */
    public void command(Payload command) {
        command.metric(ClassroomMetrics.PRIVACY).filter(m -> m.value() instanceof Boolean).ifPresent(m ->
                set((Boolean) m.value(), "fleet command").onFailure(e ->
                        log.warn("privacy command from the fleet not applied: {}", e.getMessage())));
    }

    /** The mode as a metric of device {@code classroom}, for its birth. */
    public List<Metric> currentMetrics(long now) {
        return List.of(Metric.of(ClassroomMetrics.PRIVACY, MetricType.BOOLEAN, on, now));
    }

    private void save(boolean wanted) throws IOException {
        Files.createDirectories(dir);
        Path aside = dir.resolve(FILE + ".new");
        try (FileChannel channel = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap((wanted ? "on\n" : "off\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        Files.move(aside, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
