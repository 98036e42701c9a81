package org.classbox.drivers.camera.onvif;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.util.Locale;
import java.util.Map;
import org.classbox.drivers.api.DeviceException;

/**
 * One HTTP request to a camera with a connect and idle timeout and a cap on the reply's size, so a hung camera
 * costs one timeout and a babbling one no more memory than the cap. Transport failures become UNREACHABLE or
 * TIMEOUT errors naming the device and the URI.
 */
final class HttpExchange {
    record Reply(int status, MultiMap headers, byte[] body) {
    }

    private final HttpClient client;
    private final String device;
    private final long timeoutMillis;

    HttpExchange(HttpClient client, String device, long timeoutMillis) {
        this.client = client;
        this.device = device;
        this.timeoutMillis = timeoutMillis;
    }

    Future<Reply> send(HttpMethod method, String uri, Map<String, String> headers, Buffer body, int maxBytes) {
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(uri)
                .setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis);
        headers.forEach(options::putHeader);
        Promise<Reply> reply = Promise.promise();
        client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .onFailure(e -> reply.tryFail(translate(method, uri, e)))
                .onSuccess(response -> collect(response, method, uri, maxBytes, reply));
        return reply.future();
    }

    private void collect(HttpClientResponse response, HttpMethod method, String uri, int maxBytes,
                         Promise<Reply> reply) {
        Buffer received = Buffer.buffer();
        response.exceptionHandler(e -> reply.tryFail(translate(method, uri, e)));
        response.handler(chunk -> {
            if (received.length() + chunk.length() > maxBytes) {
                reply.tryFail(new DeviceException(DeviceException.Kind.PROTOCOL, device, method + " " + uri
                        + ": reply is over the " + maxBytes + "-byte limit"));
                response.request().reset();
                return;
            }
            received.appendBuffer(chunk);
        });
        response.endHandler(v -> reply.tryComplete(new Reply(response.statusCode(), response.headers(),
                received.getBytes())));
    }

    private DeviceException translate(HttpMethod method, String uri, Throwable e) {
        if (e instanceof DeviceException known) {
            return known;
        }
        String text = String.valueOf(e.getMessage());
        boolean timeout = e.getClass().getSimpleName().contains("Timeout")
                || text.toLowerCase(Locale.ROOT).contains("timeout");
        if (timeout) {
            return new DeviceException(DeviceException.Kind.TIMEOUT, device, method + " " + uri + ": no reply within "
                    + timeoutMillis + " ms", e);
        }
        String why = e instanceof ConnectException ? "cannot connect (" + text + ")" : "connection failed (" + text
                + ")";
        return new DeviceException(DeviceException.Kind.UNREACHABLE, device, method + " " + uri + ": " + why, e);
    }
}
