package org.classbox.console.cluster;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
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
import org.classbox.testing.ConsoleClient;

/** A fleet console in a JVM of its own ({@code org.classbox.console.Main}), its output in {@code console.log}. */
final class ConsoleProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("fleet console at http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path log;
    private final String adminPassword;
    private ConsoleClient http;
    private int port;

    private ConsoleProcess(Process process, Path log, String adminPassword) {
        this.process = process;
        this.log = log;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts a console with {@code settings} ({@code --key=value}) and waits until its HTTP API listens; the API is
     * read logged in as {@code admin} with the settings' {@code auth.adminPassword} (which every instance sharing a
     * store must agree on: the first to start creates the admin).
     */
    static ConsoleProcess start(Path dir, Map<String, String> settings) throws IOException {
        String adminPassword = settings.get("auth.adminPassword");
        if (adminPassword == null || adminPassword.isEmpty()) {
            throw new IllegalArgumentException("settings need auth.adminPassword: the test reads the API logged in");
        }
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.classbox.console.Main"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = dir.resolve("console.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ConsoleProcess console = new ConsoleProcess(process, log, adminPassword);
        console.port = Await.value(Duration.ofSeconds(60), "console in " + dir + " listening", console::listeningPort);
        return console;
    }

    /** The counters of {@code GET /api/v1/ingest}. */
    JsonObject ingest() {
        if (http == null) {
            http = new ConsoleClient(port).login("admin", adminPassword);
        }
        ConsoleClient.Response response = http.get("/api/v1/ingest");
        if (response.status() != 200) {
            throw new AssertionError("GET /api/v1/ingest on port " + port + " answered " + response.status() + ": "
                    + response.body());
        }
        return new JsonObject(response.body());
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
