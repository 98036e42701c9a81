package org.classbox.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * Debian's mosquitto broker as a process of the test's own, on a free loopback port, with the configuration lines the
 * test gives (plus the listener, no persistence and logging to {@code mosquitto.log}); killed with SIGKILL by
 * {@link #close()}. A test fails where mosquitto is not installed (.ci/run installs it): a skipped test would hide a missing install step.
 */
public final class Mosquitto implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Process process;
    private final Path log;
    private final int port;

    private Mosquitto(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts mosquitto with {@code config} in {@code dir} and waits until it listens. */
    public static Mosquitto start(Path dir, List<String> config) throws IOException {
        Assertions.assertTrue(Files.isExecutable(BINARY), BINARY + " is missing: install Debian's mosquitto (.ci/run does)");
        int port = FreePorts.tcp();
        List<String> lines = new ArrayList<>(List.of("listener " + port + " 127.0.0.1", "persistence false",
                // Started as root, mosquitto would switch to user 'mosquitto', who cannot read the test's files.
                "user " + System.getProperty("user.name"), "log_dest stderr"));
        lines.addAll(config);
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Path log = dir.resolve("mosquitto.log");
        Process process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Mosquitto mosquitto = new Mosquitto(process, log, port);
        Await.until(Duration.ofSeconds(20), "mosquitto listening on port " + port, mosquitto::listening);
        return mosquitto;
    }

    public int port() {
        return port;
    }

    /** Has mosquitto read its configuration again (SIGHUP): an ACL file changed by the test applies from now on. */
    public void reload() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start();
        Assertions.assertEquals(0, kill.waitFor(), "kill -HUP " + process.pid());
    }

    /** What mosquitto logged so far. */
    public String logText() {
        return log();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    private boolean listening() {
        if (!process.isAlive()) {
            throw new AssertionError("mosquitto exited: " + log());
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
