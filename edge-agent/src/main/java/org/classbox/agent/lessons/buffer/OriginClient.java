package org.classbox.agent.lessons.buffer;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import org.classbox.agent.config.LessonsConfig;

/**
 * GETs from a lesson origin with the configured timeout and size limit. A failure is an {@link OriginException}
 * that says whether the link is down (connect error, timeout) or the origin answered badly (status, size).
 */
final class OriginClient {
    private final HttpClient http;
    private final LessonsConfig config;

    OriginClient(HttpClient http, LessonsConfig config) {
        this.http = http;
        this.config = config;
    }

    /** Why {@code body} is not whole MPEG-TS packets (188 bytes, each starting with the sync byte 0x47), or null. */
    static String mpegTsProblem(Buffer body) {
        if (body.length() == 0 || body.length() % 188 != 0) {
            return body.length() + " bytes, not a multiple of 188";
        }
        for (int at = 0; at < body.length(); at += 188) {
            if (body.getByte(at) != 0x47) {
                return String.format("byte %d is 0x%02x, not the sync byte 0x47", at, body.getByte(at));
            }
        }
        return null;
    }

    Future<Buffer> get(URI uri) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
                .setTimeout(config.requestTimeoutMillis());
        return http.request(options).compose(req -> req.send()).compose(resp -> {
            if (resp.statusCode() != 200) {
                return resp.body().transform(x -> Future.failedFuture(new OriginException(
                        uri + ": origin answered HTTP " + resp.statusCode(), false)));
            }
            String length = resp.getHeader("Content-Length");
            if (length != null && Long.parseLong(length.strip()) > config.maxSegmentBytes()) {
                // Refused unread: the reset is ours, so the response's own error report would only repeat it.
                resp.exceptionHandler(ignored -> { });
                resp.request().reset();
                return Future.failedFuture(new OriginException(uri + ": " + length + " bytes exceed "
                        + "lessons.maxSegmentMegabytes (" + config.maxSegmentMegabytes() + ")", false));
            }
            return resp.body().compose(body -> body.length() > config.maxSegmentBytes()
                    ? Future.failedFuture(new OriginException(uri + ": " + body.length() + " bytes exceed "
                    + "lessons.maxSegmentMegabytes (" + config.maxSegmentMegabytes() + ")", false))
                    : Future.succeededFuture(body));
        }).recover(e -> Future.failedFuture(e instanceof OriginException ? e
                : new OriginException(uri + ": " + e.getMessage(), true)));
    }

}
