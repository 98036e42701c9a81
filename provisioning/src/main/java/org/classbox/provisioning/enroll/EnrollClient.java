package org.classbox.provisioning.enroll;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * {@code POST /api/v1/enroll} to the fleet console. A console that cannot be reached (refused, no route, no DNS,
 * timed out) is {@link ConsoleAnswer.Later}: on a school's satellite link that is the normal case on install day.
 * A TLS failure is not: it means the console's certificate is not trusted here, which waiting will not mend.
 */
final class EnrollClient {
    private final URI endpoint;
    private final Duration timeout;

    EnrollClient(URI console, Duration timeout) {
        String base = console.toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/api/v1/enroll");
        this.timeout = timeout;
    }

    URI endpoint() {
        return endpoint;
    }

    ConsoleAnswer enroll(String claimCode, String csrPem) throws EnrollException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String body = new JsonObject().put("claimCode", claimCode).put("csr", csrPem).encode();
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (SSLException e) {
            throw EnrollException.environment("TLS with " + endpoint + " failed: " + e.getMessage()
                    + " (is the console's certificate trusted by this Java?)", e);
        } catch (HttpTimeoutException e) {
            return new ConsoleAnswer.Later("no answer from " + endpoint + " within " + timeout.toSeconds() + " s");
        } catch (IOException | UnresolvedAddressException e) {
            // Refused, reset, no route, unknown host: the link or the console is not up yet.
            return new ConsoleAnswer.Later("cannot reach " + endpoint + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EnrollException.environment("interrupted while asking " + endpoint, e);
        }
        return answer(response.statusCode(), response.body());
    }

    private ConsoleAnswer answer(int status, String text) {
        JsonObject json;
        try {
            json = text == null || text.isBlank() ? null : new JsonObject(text);
        } catch (DecodeException e) {
            json = null;
        }
        if (status == 200 && json != null) {
            return ConsoleAnswer.signed(json);
        }
        if (json == null || !(json.getValue("error") instanceof String error)) {
            // Not the console's words: a captive portal on the satellite modem, a proxy, a wrong --console. The
            // claim code is not spent, so keep the request rather than give up on it.
            return new ConsoleAnswer.Later(endpoint + " answered HTTP " + status + " without the console's JSON"
                    + " error: not the fleet console yet (a captive portal, or a wrong --console?)");
        }
        if (status == 429 || status >= 500) {
            return new ConsoleAnswer.Later("the console answered HTTP " + status + ": " + error);
        }
        return new ConsoleAnswer.Refused(status, error);
    }

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "its host name is unknown here (no DNS yet?)";
            }
        }
        if (e instanceof java.net.ConnectException && e.getMessage() == null) {
            return "connection refused (the console is not listening, or no route to it)";
        }
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if ((message == null || message.isBlank()) && cause != null) {
            message = cause.toString();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
