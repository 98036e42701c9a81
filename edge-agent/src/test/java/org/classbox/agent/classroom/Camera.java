package org.classbox.agent.classroom;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A classroom camera on loopback: answers {@code GET /snapshot.jpg} with a small JPEG and counts the requests. */
final class Camera implements AutoCloseable {
    /** SOI, an APP0 marker's start, EOI: enough of a JPEG for the box's check. */
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
        (byte) 0xFF, (byte) 0xD9};
    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;

    Camera() throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> {
            requests.incrementAndGet();
            req.response().putHeader("content-type", "image/jpeg").end(Buffer.buffer(JPEG));
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/snapshot.jpg";
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
