package org.classbox.sim.demo;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Publishes the demo's schedule as an operator would: logs in as the demo's admin, then
 * {@code PUT /api/v1/boxes/{group}/{box}/schedule} at the console, which publishes it retained on the box's schedule
 * topic. Blocking; run it on a worker.
 */
final class ScheduleUpload {
    private static final long RETRY_MILLIS = 500;

    private ScheduleUpload() {
    }

    /**
     * PUTs {@code schedule} until the console accepts it (202) or {@code within} has passed. A 503 or a refused
     * connection is retried (the console may still be connecting to the broker); any other answer fails at once.
     */
    static void put(String consoleUrl, String adminPassword, String groupId, String boxId, JsonObject schedule,
                    Duration within) throws IOException, InterruptedException {
        URI uri = URI.create(consoleUrl + "/api/v1/boxes/" + groupId + "/" + boxId + "/schedule");
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + within.toNanos();
        String last = "no answer";
        String csrfToken = null;
        while (System.nanoTime() < deadline) {
            try {
                if (csrfToken == null) {
                    csrfToken = login(http, consoleUrl, adminPassword);
                }
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(10)).header("content-type", "application/json")
                        .header("X-CSRF-Token", csrfToken)
                        .PUT(HttpRequest.BodyPublishers.ofString(schedule.encode())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
                if (response.statusCode() != 503) {
                    break;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(RETRY_MILLIS);
        }
        throw new IOException("the console did not take the demo's schedule at PUT " + uri + ": " + last);
    }

    /** Logs in as the demo's admin (the client keeps the session cookie) and returns the CSRF token. */
    private static String login(HttpClient http, String consoleUrl, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(consoleUrl + "/api/v1/login"))
                .timeout(Duration.ofSeconds(10)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", DemoLogin.ADMIN)
                        .put("password", password).encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("login as " + DemoLogin.ADMIN + " answered HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return new JsonObject(response.body()).getString("csrfToken");
    }
}
