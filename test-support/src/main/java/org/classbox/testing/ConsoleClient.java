package org.classbox.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logged-in operator of a fleet console on 127.0.0.1, for tests: keeps the session cookie, and sends the CSRF token
 * the login answered with on every request that changes something. Blocking: call it from the test thread only.
 */
public final class ConsoleClient {
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");

    private final int port;
    private final String base;
    private final HttpClient http;
    private String csrfToken;

    public ConsoleClient(int port) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Logs in with {@code POST /api/v1/login}; fails the test with the console's answer when refused. */
    public ConsoleClient login(String name, String password) {
        Response r = send("POST", "/api/v1/login", "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("login as " + name + " answered " + r.status() + ": " + r.body());
        }
        Matcher m = CSRF.matcher(r.body());
        csrfToken = m.find() ? m.group(1) : null;
        return this;
    }

    /**
     * Makes operator {@code name} with {@code role} (this client being logged in as an admin) with the password
     * {@code <name>-password-1}, and returns a new client logged in as that operator.
     */
    public ConsoleClient newOperator(String name, String role) {
        String password = name + "-password-1";
        Response created = post("/api/v1/operators", "{\"name\":\"" + name + "\",\"password\":\"" + password
                + "\",\"role\":\"" + role + "\"}");
        if (created.status() != 201) {
            throw new AssertionError("creating operator " + name + " answered " + created.status() + ": "
                    + created.body());
        }
        return new ConsoleClient(port).login(name, password);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Any request; {@code json} null sends no body. */
    public Response send(String method, String path, String json) {
        return send(method, path, json, method.equals("GET") ? null : csrfToken);
    }

    /** Any request with the given {@code X-CSRF-Token} (null: none), to test that a wrong or missing one is refused. */
    public Response send(String method, String path, String json, String csrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + base + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + base + path + " interrupted", e);
        }
    }

    /** A status and a body. */
    public record Response(int status, String body) {
    }
}
