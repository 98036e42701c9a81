package org.classbox.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto as the fleet's external broker, raised for 10,000 connections: its own file-descriptor limit
 * ({@code ulimit -n}), no connection cap, no cap on the messages queued for a slow subscriber (a Sparkplug host must
 * not lose what boxes already deleted), no persistence. {@link #restart()} kills it with SIGKILL and starts it again on
 * the same port, as a crashed broker comes back.
 */
final class BenchMosquitto implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final int port;
    private Process process;

    BenchMosquitto(Path dir, int port) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IOException(BINARY + " is missing: apt-get install mosquitto");
        }
        this.dir = dir;
        this.port = port;
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n", List.of(
                "listener " + port + " 127.0.0.1", "allow_anonymous true", "persistence false",
                "max_connections -1", "max_queued_messages 0", "max_inflight_messages 20",
                "user " + System.getProperty("user.name"), "log_dest stderr", "log_type error",
                "log_type warning")) + "\n");
        start();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    void restart() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
        start();
    }

    private void start() throws IOException, InterruptedException {
        process = new ProcessBuilder("bash", "-c", "ulimit -n 20000 && exec " + BINARY + " -c "
                + dir.resolve("mosquitto.conf")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("mosquitto did not listen on " + port + " within 20 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }
}
