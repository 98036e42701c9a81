package org.classbox.agent.lessons.materials;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file origin on 127.0.0.1 for material tests: serves {@code /files/<name>} with an ETag, honours
 * {@code Range: bytes=N-} and {@code If-Range}, writes in 16 KiB chunks with back-pressure, counts the bytes it
 * sent and remembers each request. {@link #cutAfter} makes it close the connection mid-way; {@link #unavailable}
 * answers 503 until lifted.
 */
final class MaterialServer implements AutoCloseable {
    private static final int CHUNK = 16 * 1024;

    /** One request as the server saw it. */
    record Seen(String range, String ifRange, int status, AtomicLong sent) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger version = new AtomicInteger();
    private volatile long cutAfter = -1;
    private volatile boolean unavailable;

    MaterialServer() throws Exception {
        server = vertx.createHttpServer().connectionHandler(c -> {
            open.incrementAndGet();
            c.closeHandler(v -> open.decrementAndGet());
        }).requestHandler(this::serve);
        server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    /** Puts (or replaces) a file; a new content gets a new ETag. */
    MaterialServer file(String name, byte[] content) {
        files.put(name, content);
        etags.put(name, "\"v" + version.incrementAndGet() + "\"");
        return this;
    }

    URI url(String name) {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/files/" + name);
    }

    String etag(String name) {
        return etags.get(name);
    }

    /** Closes each response's connection after {@code bytes} body bytes (-1: never). */
    void cutAfter(long bytes) {
        cutAfter = bytes;
    }

    void unavailable(boolean on) {
        unavailable = on;
    }

    List<Seen> seen() {
        return seen;
    }

    long bytesSent() {
        return sent.get();
    }

    int openConnections() {
        return open.get();
    }

    private void serve(HttpServerRequest req) {
        HttpServerResponse resp = req.response();
        String name = req.path().substring("/files/".length());
        byte[] content = files.get(name);
        if (unavailable || content == null) {
            seen.add(new Seen(req.getHeader("Range"), req.getHeader("If-Range"), unavailable ? 503 : 404,
                    new AtomicLong()));
            resp.setStatusCode(unavailable ? 503 : 404).end();
            return;
        }
        String etag = etags.get(name);
        String range = req.getHeader("Range");
        String ifRange = req.getHeader("If-Range");
        long from = 0;
        if (range != null && range.startsWith("bytes=") && range.endsWith("-")
                && (ifRange == null || ifRange.equals(etag))) {
            from = Long.parseLong(range.substring(6, range.length() - 1));
        }
        Seen request = new Seen(range, ifRange, from > 0 ? 206 : 200, new AtomicLong());
        seen.add(request);
        resp.putHeader("ETag", etag).putHeader("Accept-Ranges", "bytes")
                .putHeader("Content-Length", String.valueOf(content.length - from));
        if (from > 0) {
            resp.setStatusCode(206).putHeader("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/"
                    + content.length);
        }
        send(req, content, from, from, request);
    }

    private void send(HttpServerRequest req, byte[] content, long start, long at, Seen request) {
        HttpServerResponse resp = req.response();
        long cut = cutAfter;
        if (cut >= 0 && at - start >= cut) {
            req.connection().close();
            return;
        }
        if (at >= content.length) {
            resp.end();
            return;
        }
        int n = (int) Math.min(CHUNK, content.length - at);
        if (cut >= 0) {
            n = (int) Math.min(n, start + cut - at);
        }
        int length = n;
        Future<Void> written = resp.write(Buffer.buffer().appendBytes(content, (int) at, length));
        written.onSuccess(v -> {
            sent.addAndGet(length);
            request.sent().addAndGet(length);
            send(req, content, start, at + length, request);
        });
    }

    @Override
    public void close() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
