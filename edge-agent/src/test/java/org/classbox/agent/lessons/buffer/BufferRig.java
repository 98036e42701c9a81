package org.classbox.agent.lessons.buffer;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.classbox.agent.config.LessonsConfig;
import org.classbox.agent.lessons.hls.MediaPlaylist;
import org.classbox.agent.lessons.hls.PlaylistParser;
import org.classbox.agent.lessons.storage.LessonDatabase;

/** The agent's side in a buffer test: the lessons database, LessonBuffers and the router on a loopback port. */
final class BufferRig implements AutoCloseable {
    static final double RATE = 4;
    final Vertx vertx;
    final Path dataDir;
    final LessonsConfig config;
    LessonDatabase db;
    LessonBuffers buffers;
    SegmentStore store;
    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    BufferRig(Vertx vertx, Path dataDir, LessonsConfig config) {
        this.vertx = vertx;
        this.dataDir = dataDir;
        this.config = config;
    }

    static LessonsConfig config() {
        return config(RATE);
    }

    /** Short everything: 1 MB segments at most, a 10 s outage window, 1 s margin, fast retries. */
    static LessonsConfig config(double rate) {
        return new LessonsConfig(rate, 6, 20, 3, 10, 1, 100, 1000, 50, 200, 1);
    }

    BufferRig start() {
        db = new LessonDatabase(vertx, dataDir);
        db.start().await();
        store = new SegmentStore(db);
        buffers = new LessonBuffers(vertx, db, config);
        buffers.start().await();
        server = vertx.createHttpServer().requestHandler(buffers.mediaRouter());
        server.listen(0, "127.0.0.1").await();
        return this;
    }

    static LiveLesson lesson(String id, String source, LiveLesson.Mode mode) {
        return new LiveLesson(id, URI.create(source), mode, 0, 0, Instant.now(), Instant.now().plusSeconds(60));
    }

    int port() {
        return server.actualPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    HttpResponse<byte[]> get(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(path + ": " + e, e);
        }
    }

    /** The playlist at {@code path}, or null while it answers 404. */
    MediaPlaylist playlist(String path) {
        HttpResponse<byte[]> r = get(path);
        return r.statusCode() == 200 ? PlaylistParser.media(new String(r.body()), path) : null;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().await();
            buffers.stop().await();
            db.stop().await();
            server = null;
        }
    }
}
