package org.classbox.agent.classroom;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.classbox.agent.config.ClassroomConfig;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalRecord;

/**
 * A classroom on loopback for tests: a real journal (H2 file), the back channel, privacy, player reports and the
 * classroom server on a free port, with lessons the test sets. {@link #restart()} stops and starts it all on the same
 * files. The clock is the test's, for the journal's time-to-live.
 */
final class ClassroomRig implements AutoCloseable {
    static final String LESSON = "eng-5a-1128";

    final Vertx vertx = Vertx.vertx();
    final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    final List<ClassroomLesson> lessons = new CopyOnWriteArrayList<>();
    private final Path dir;
    private final ClassroomConfig config;
    private final Router media;
    private final HttpClient http = HttpClient.newHttpClient();
    Journal journal;
    Privacy privacy;
    PlayerReports reports;
    ClassroomServer server;
    SnapshotTaker snapshots;

    /** Makes the media router on the rig's Vert.x (null: none). */
    interface Media {
        Router create(Vertx vertx) throws Exception;
    }

    ClassroomRig(Path dir, ClassroomConfig config, Media media) throws Exception {
        this.dir = dir;
        this.config = config;
        this.media = media == null ? Router.router(vertx) : media.create(vertx);
        Instant start = Instant.ofEpochMilli(now.get()).minusSeconds(60);
        lessons.add(new ClassroomLesson(LESSON, "English 5A", start, start.plusSeconds(2700), "live"));
        start();
    }

    /** A rig whose classroom has the given camera settings and no media. */
    static ClassroomRig withCamera(Path dir, String snapshotUrl, boolean consent) throws Exception {
        ClassroomConfig config = new ClassroomConfig("127.0.0.1", 0, snapshotUrl, 1, 60, consent,
                dir.resolve("classroom"));
        return new ClassroomRig(dir, config, null);
    }

    private void start() throws Exception {
        journal = new Journal(vertx, JournalConfig.defaults(dir.resolve("journal"))
                .withBulkTtlSeconds(config.snapshotTtlSeconds()), now::get);
        await(journal.start());
        BackChannel backChannel = new BackChannel(journal, () -> { });
        privacy = new Privacy(vertx, config.stateDir(), backChannel, now::get);
        await(privacy.start());
        reports = new PlayerReports();
        LessonSource source = () -> Future.succeededFuture(List.copyOf(lessons));
        server = new ClassroomServer(vertx, config, media,
                new ClassroomSources(source, () -> "online", id -> Optional.of(new BufferFigures(12.5, 31))),
                new ClassroomServer.Parts(backChannel, privacy, reports), now::get);
        await(server.start());
        snapshots = new SnapshotTaker(vertx, config, source, privacy, backChannel, System::currentTimeMillis);
        await(snapshots.start());
    }

    private void stop() throws Exception {
        await(snapshots.stop());
        await(server.stop());
        await(privacy.stop());
        await(journal.stop());
    }

    void restart() throws Exception {
        stop();
        start();
    }

    /** Every record in the journal, oldest first. */
    List<JournalRecord> records() throws Exception {
        return new ArrayList<>(await(journal.readAfter(0, 10_000)));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.await(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        stop();
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
