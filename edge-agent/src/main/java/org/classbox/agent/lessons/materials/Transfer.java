package org.classbox.agent.lessons.materials;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One ranged GET of a material into its part file, on the fetcher's event loop. With bytes already in the part and a
 * validator, it asks {@code Range: bytes=<part length>-} with {@code If-Range: <validator>}: a 206 from that offset
 * appends, a 200 (the file changed, or the server ignores ranges) starts the part again from byte 0 and hands the
 * new validator to be saved before any byte is written. It stops (keeping the part) as soon as {@code liveActive}
 * says a live lesson needs the link, and paces itself with the {@link RateLimit}.
 */
final class Transfer {
    /** How a transfer ended, when it did not fail. */
    enum Outcome { DONE, PAUSED }

    private static final long LIVE_CHECK_MILLIS = 200;
    private static final long IDLE_TIMEOUT_SECONDS = 60;

    private final Vertx vertx;
    private final HttpClient client;
    private final RateLimit limit;
    private final BooleanSupplier liveActive;
    private final Promise<Outcome> done = Promise.promise();
    private HttpClientRequest request;
    private AsyncFile file;
    private boolean finishing;
    private volatile long partBytes;

    Transfer(Vertx vertx, HttpClient client, RateLimit limit, BooleanSupplier liveActive) {
        this.vertx = vertx;
        this.client = client;
        this.limit = limit;
        this.liveActive = liveActive;
    }

    /** Bytes in the part now. */
    long partBytes() {
        return partBytes;
    }

    /**
     * Fetches {@code m} into {@code part}, from {@code offset} when {@code validator} is known. The part is open
     * before the request goes out, so bytes that arrive just before a cut are still written.
     *
     * @param saveValidator saves the validator the part's bytes are fetched under (null: none yet)
     */
    Future<Outcome> run(Material m, Path part, long offset, String validator,
                        Function<String, Future<Void>> saveValidator) {
        partBytes = offset;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(m.url().toString())
                .setIdleTimeout(IDLE_TIMEOUT_SECONDS * 1000).setFollowRedirects(true);
        if (offset > 0) {
            options.putHeader("Range", "bytes=" + offset + "-").putHeader("If-Range", validator);
        }
        long watch = vertx.setPeriodic(LIVE_CHECK_MILLIS, id -> {
            if (liveActive.getAsBoolean()) {
                pause();
            }
        });
        // A part started afresh has no validator until the server names one: a crash before that restarts it.
        Future<Void> ready = offset > 0 ? Future.succeededFuture()
                : saveValidator.apply(null).compose(v -> vertx.fileSystem().deleteRecursive(part.toString())
                        .recover(e -> Future.succeededFuture()));
        ready.compose(v -> open(part)).compose(f -> {
            file = f;
            return client.request(options);
        }).compose(req -> {
            request = req;
            return finishing ? Future.failedFuture("paused before sending") : req.send();
        }).onSuccess(resp -> receive(m, part, offset, resp, saveValidator)).onFailure(this::fail);
        return done.future().eventually(() -> {
            vertx.cancelTimer(watch);
            return Future.succeededFuture();
        });
    }

    /** Stops now for a live lesson, keeping the part. */
    void pause() {
        finish(Outcome.PAUSED, null);
        if (request != null) {
            request.reset();
        }
    }

    private Future<AsyncFile> open(Path part) {
        return vertx.fileSystem().mkdirs(part.getParent().toString()).compose(v -> vertx.fileSystem()
                .open(part.toString(), new OpenOptions().setWrite(true).setCreate(true)));
    }

    private void receive(Material m, Path part, long offset, HttpClientResponse resp,
                         Function<String, Future<Void>> saveValidator) {
        resp.exceptionHandler(this::fail);
        if (finishing) {
            return;
        }
        long size = sizeOf(resp);
        if (size >= 0 && size != m.bytes() && (resp.statusCode() == 200 || resp.statusCode() == 206)) {
            // It could never verify: the link's bytes are better saved for what can.
            abort(new MaterialException(m, m.url() + " has " + size + " bytes but the schedule says " + m.bytes()));
            return;
        }
        String etag = resp.getHeader(HttpHeaders.ETAG);
        String validator = etag != null ? etag : resp.getHeader(HttpHeaders.LAST_MODIFIED);
        if (resp.statusCode() == 206) {
            long start = rangeStart(resp.getHeader(HttpHeaders.CONTENT_RANGE));
            if (start != offset) {
                abort(new MaterialException(m, "asked " + m.url() + " for bytes from " + offset
                        + " but it answered Content-Range '" + resp.getHeader(HttpHeaders.CONTENT_RANGE) + "'"));
                return;
            }
            stream(resp, offset);
        } else if (resp.statusCode() == 200 && offset == 0) {
            stream(resp, 0);
            saveValidator.apply(validator).onFailure(this::abort);
        } else if (resp.statusCode() == 200) {
            // The file changed (If-Range did not match) or the server ignores ranges: the part starts again.
            resp.pause();
            AsyncFile stale = file;
            file = null;
            saveValidator.apply(null).compose(v -> stale.close())
                    .compose(v -> vertx.fileSystem().delete(part.toString()))
                    .compose(v -> saveValidator.apply(validator))
                    .compose(v -> open(part))
                    .onSuccess(f -> {
                        if (finishing) {
                            f.close();
                            return;
                        }
                        file = f;
                        stream(resp, 0);
                    }).onFailure(this::abort);
        } else if (resp.statusCode() == 416 && offset > 0) {
            // Nothing left past the part: the checksum decides whether the part is the file.
            resp.end().onComplete(x -> finish(Outcome.DONE, null));
        } else {
            abort(new MaterialException(m, "GET " + m.url() + " answered HTTP " + resp.statusCode()));
        }
    }

    private void stream(HttpClientResponse resp, long start) {
        file.setWritePos(start);
        partBytes = start;
        resp.handler(buf -> write(resp, buf));
        resp.endHandler(v -> finish(Outcome.DONE, null));
        resp.resume();
    }

    private void write(HttpClientResponse resp, Buffer buf) {
        if (finishing) {
            return;
        }
        Future<Void> written = file.write(buf);
        partBytes += buf.length();
        long delay = limit.take(buf.length());
        if (delay > 0 || file.writeQueueFull()) {
            resp.pause();
            Future<Void> wait = delay > 0 ? vertx.timer(delay).mapEmpty() : Future.succeededFuture();
            Future.all(written, wait).onComplete(x -> {
                if (!finishing) {
                    resp.resume();
                }
            });
        }
        if (liveActive.getAsBoolean()) {
            pause();
        }
    }

    private void abort(Throwable cause) {
        fail(cause);
        if (request != null) {
            request.reset();
        }
    }

    private void fail(Throwable cause) {
        finish(null, cause);
    }

    private void finish(Outcome outcome, Throwable cause) {
        if (finishing) {
            return;
        }
        finishing = true;
        // Closing waits for the writes queued before it: the part's length is then all the bytes received.
        Future<Void> closed = file == null ? Future.succeededFuture() : file.close();
        closed.onComplete(c -> {
            if (cause != null) {
                done.tryFail(cause);
            } else if (c.failed()) {
                done.tryFail(c.cause());
            } else {
                done.tryComplete(outcome);
            }
        });
    }

    /** The whole file's size the response states (Content-Range total, or a 200's Content-Length), or -1. */
    static long sizeOf(HttpClientResponse resp) {
        String text = resp.statusCode() == 206 ? afterSlash(resp.getHeader(HttpHeaders.CONTENT_RANGE))
                : resp.statusCode() == 200 ? resp.getHeader(HttpHeaders.CONTENT_LENGTH) : null;
        try {
            return text == null ? -1 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String afterSlash(String contentRange) {
        int slash = contentRange == null ? -1 : contentRange.lastIndexOf('/');
        return slash < 0 || contentRange.endsWith("/*") ? null : contentRange.substring(slash + 1);
    }

    /** The first byte of a {@code Content-Range: bytes first-last/total}, or -1. */
    static long rangeStart(String contentRange) {
        if (contentRange == null || !contentRange.startsWith("bytes ")) {
            return -1;
        }
        int dash = contentRange.indexOf('-');
        try {
            return dash < 0 ? -1 : Long.parseLong(contentRange.substring(6, dash).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
