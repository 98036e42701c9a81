package org.classbox.sim.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the fleet console's HTTP API over a real socket, as an operator's browser would: {@link #login} first (the
 * client keeps the session cookie). Also reads pages that need no login, such as a box's classroom page.
 */
public final class ConsoleApi {
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;

    public ConsoleApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Logs in with {@code POST /api/v1/login}; fails the test with the console's answer when refused. */
    public ConsoleApi login(String name, String password) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/login"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
                            .put("name", name).put("password", password).encode())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("login as " + name + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return this;
        } catch (IOException e) {
            throw new AssertionError("login at " + baseUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("login interrupted", e);
        }
    }

    /** The box as {@code GET /api/v1/boxes} lists it, if listed; empty while the console is not answering yet. */
    Optional<JsonObject> box(String boxId) {
        String body = get("/api/v1/boxes");
        if (body == null) {
            return Optional.empty();
        }
        JsonArray boxes = new JsonArray(body);
        for (int i = 0; i < boxes.size(); i++) {
            JsonObject box = boxes.getJsonObject(i);
            if (boxId.equals(box.getString("boxId"))) {
                return Optional.of(box);
            }
        }
        return Optional.empty();
    }

    String projectorField(String boxId, String field) {
        return box(boxId).map(b -> b.getJsonObject("projector")).map(p -> p.getValue(field))
                .map(String::valueOf).orElse(null);
    }

    boolean online(String boxId) {
        return box(boxId).map(b -> b.getBoolean("online", false)).orElse(false);
    }

    /** {@code GET /api/v1/boxes/{group}/{box}/devices}: each device by id, empty while not answering. */
    Map<String, JsonObject> devices(String groupId, String boxId) {
        String body = get("/api/v1/boxes/" + groupId + "/" + boxId + "/devices");
        Map<String, JsonObject> byId = new TreeMap<>();
        if (body != null) {
            new JsonArray(body).stream().map(JsonObject.class::cast)
                    .forEach(device -> byId.put(device.getString("device"), device));
        }
        return byId;
    }

    public JsonArray samples(String boxId, int limit) {
        String body = get("/api/v1/boxes/" + boxId + "/samples?limit=" + limit);
        return body == null ? new JsonArray() : new JsonArray(body);
    }

    /** The body of {@code GET path} if it answered 200, else null (also while nothing answers yet). */
    public String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
