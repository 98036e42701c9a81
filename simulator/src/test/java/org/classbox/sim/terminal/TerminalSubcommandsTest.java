package org.classbox.sim.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulator terminal} and {@code simulator link} as real processes: each prints one line saying where it
 * listens, serves there, and stops cleanly on SIGTERM.
 */
@ExtendWith(TestGuard.class)
class TerminalSubcommandsTest {
    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void kill() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void terminal_starlink_serves_its_status_where_it_says_and_stops_on_sigterm() throws Exception {
        Path log = dir.resolve("terminal.log");
        Process process = simulator(log, "terminal", "--kind", "starlink", "--port", "0");
        Matcher where = awaitLine(log, Pattern.compile("terminal: starlink dish status API at (http://127\\.0\\.0\\.1:"
                + "\\d+/SpaceX\\.API\\.Device\\.Device/Handle); control at http://127\\.0\\.0\\.1:\\d+ \\(fault none\\)"));

        HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(where.group(1)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"get_status\":{}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("\"dishGetStatus\""), status.body());

        assertStopsCleanly(process, log, "terminal: stopped");
    }

    @Test
    void link_forwards_to_its_target_and_stops_on_sigterm() throws Exception {
        Path log = dir.resolve("link.log");
        try (java.net.ServerSocket target = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getLoopbackAddress())) {
            Process process = simulator(log, "link", "--listen", "127.0.0.1:0", "--target",
                    "127.0.0.1:" + target.getLocalPort(), "--profile", "leo");
            Matcher where = awaitLine(log, Pattern.compile("link: leo listening on 127\\.0\\.0\\.1:(\\d+), forwarding"
                    + " to 127\\.0\\.0\\.1:" + target.getLocalPort()));
            try (java.net.Socket box = new java.net.Socket("127.0.0.1", Integer.parseInt(where.group(1)));
                 java.net.Socket far = target.accept()) {
                box.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                far.setSoTimeout(10_000);
                assertEquals('p', far.getInputStream().read());
            }
            assertStopsCleanly(process, log, "link: stopped");
        }
    }

    private Process simulator(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"), "org.classbox.sim.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    private static Matcher awaitLine(Path log, Pattern line) {
        return Await.value(Duration.ofSeconds(60), "a line matching " + line + " in " + log, () -> {
            Matcher matcher = line.matcher(read(log));
            return matcher.find() ? matcher : null;
        });
    }

    private static void assertStopsCleanly(Process process, Path log, String lastWords) throws Exception {
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s");
        // The JVM reports a SIGTERM as 143 (128 + 15) even after a clean stop in its shutdown hook.
        assertTrue(process.exitValue() == 0 || process.exitValue() == 143, process.exitValue() + ": " + read(log));
        assertTrue(read(log).contains(lastWords), read(log));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
