package org.classbox.agent.lessons.materials;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.agent.lessons.storage.LessonDatabase;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.PayloadCodec;

/**
 * One agent's lesson storage for a test: Vert.x, the journal and the lessons' H2 file in a folder, and the material
 * store. {@link #stop()} then {@link #start()} is an agent restart on the same files.
 */
public final class LessonsRig implements AutoCloseable {
    private final Path dir;
    private Vertx vertx;
    private Journal journal;
    private LessonDatabase db;
    private MaterialStore store;

    public LessonsRig(Path dir) throws Exception {
        this.dir = dir;
        start();
    }

    public void start() throws Exception {
        vertx = Vertx.vertx();
        journal = new Journal(vertx, JournalConfig.defaults(dir.resolve("journal")));
        await(journal.start());
        db = new LessonDatabase(vertx, dir.resolve("journal").resolve("lessons"));
        await(db.start());
        store = new MaterialStore(db);
        await(store.start());
    }

    public void stop() throws Exception {
        if (vertx == null) {
            return;
        }
        await(db.stop());
        await(journal.stop());
        vertx.close().await(10, TimeUnit.SECONDS);
        vertx = null;
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    public Vertx vertx() {
        return vertx;
    }

    public Journal journal() {
        return journal;
    }

    public LessonDatabase db() {
        return db;
    }

    public MaterialStore store() {
        return store;
    }

    /** Every metric journaled in {@code stream}, in order. */
    public List<Metric> metrics(String stream) {
        List<JournalRecord> records;
        try {
            records = await(journal.readAfter(0, 100_000));
        } catch (Exception e) {
            throw new IllegalStateException("journal of " + dir + " not read", e);
        }
        return records.stream().filter(r -> r.entry().stream().equals(stream))
                .flatMap(r -> PayloadCodec.decode(r.entry().body()).metrics().stream()).toList();
    }

    public static <T> T await(Future<T> future) throws Exception {
        return future.await(20, TimeUnit.SECONDS);
    }
}
