package org.classbox.console.cluster;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classbox.testing.Await;

/** A fleet console in a JVM of its own ({@code org.classbox.console.Main}), its output in {@code console.log}. */
final class ConsoleProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("fleet console at http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    private ConsoleProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts a console with {@code settings} ({@code --key=value}) and waits until its HTTP API listens. */
    static ConsoleProcess start(Path dir, Map<String, String> settings) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.classbox.console.Main"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = dir.resolve("console.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ConsoleProcess console = new ConsoleProcess(process, log);
        console.port = Await.value(Duration.ofSeconds(60), "console in " + dir + " listening", console::listeningPort);
        return console;
    }

    /** The counters of {@code GET /api/v1/ingest}. */
    JsonObject ingest() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/ingest")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new JsonObject(response.body());
        } catch (IOException e) {
            throw new AssertionError("console on port " + port + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGKILL: no goodbye, no shard given back, no lease released. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGTERM: the console stops as an operator would stop it. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("console did not stop within 30 s on SIGTERM:\n" + log());
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private Integer listeningPort() {
        String text = log();
        if (!process.isAlive()) {
            throw new AssertionError("console exited with " + process.exitValue() + ":\n" + text);
        }
        Matcher m = LISTENING.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
