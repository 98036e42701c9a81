package org.classbox.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fleet console in a JVM of its own (so its CPU and memory are its own), on the bench's broker and an H2 store in
 * {@code dir}, with an HTTP client for its API. A console with the login of issue 10 is logged in as admin with the
 * password the bench gives it through the environment ({@code CLASSBOX_AUTH_ADMINPASSWORD}); one without ignores it.
 */
final class ConsoleProcess implements AutoCloseable {
    static final String PASSWORD = "bench-admin-password";

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private boolean loggedIn;

    /** {@code extra}: more {@code --key=value} flags (another store, a cluster's settings). */
    ConsoleProcess(Path dir, int brokerPort, int httpPort, List<String> extra) throws IOException, InterruptedException {
        this.port = httpPort;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.classbox.console.Main",
                "--mqtt.uri=tcp://127.0.0.1:" + brokerPort, "--mqtt.allowPlaintext=true", "--http.port=" + httpPort,
                "--store.dataDir=" + dir.resolve("store")));
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile()));
        builder.environment().put("CLASSBOX_AUTH_ADMINPASSWORD", PASSWORD);
        process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                ingest();
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the console did not answer on " + httpPort + " (see "
                            + dir.resolve("console.log") + ")", notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    long pid() {
        return process.pid();
    }

    /** {@code GET /api/v1/ingest}: the console's counters. */
    JsonObject ingest() throws IOException, InterruptedException {
        return new JsonObject(get("/api/v1/ingest"));
    }

    JsonArray boxes() throws IOException, InterruptedException {
        return new JsonArray(get("/api/v1/boxes"));
    }

    /** The latest value of {@code metric} on {@code device} of a box, as JSON has it (null: none). */
    Object latest(String group, String box, String device, String metric) throws IOException, InterruptedException {
        for (Object d : new JsonArray(get("/api/v1/boxes/" + group + "/" + box + "/devices"))) {
            JsonObject view = (JsonObject) d;
            if (device.equals(view.getString("device"))) {
                JsonObject value = view.getJsonObject("metrics").getJsonObject(metric);
                return value == null ? null : value.getValue("value");
            }
        }
        return null;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path);
        if (response.statusCode() == 401 && !loggedIn) {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/login")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                    .ofString("{\"name\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            loggedIn = login.statusCode() == 200;
            response = send(path);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL, as a crashed machine: no will but the broker's, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
