package org.classbox.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SystemdNotify} in a process of its own ({@link WatchdogProbe}) with {@code NOTIFY_SOCKET} pointing at socat
 * (Debian's socat; the test fails without it) in place of systemd. The real {@code systemd-notify} sends each message
 * and then waits until the receiver has closed a file descriptor passed along (a barrier, so a message is never lost
 * with its short-lived sender); systemd closes it at once, and socat does when it may not open another descriptor, so
 * it runs with {@code ulimit -n 4}. Socat writes the datagrams back to back: messages are counted, not split in lines.
 */
@ExtendWith(TestGuard.class)
class SystemdNotifyTest {
    private static final Path SOCAT = Path.of("/usr/bin/socat");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Pings every 200 ms. */
    private static final String WATCHDOG_USEC = "400000";

    @TempDir
    Path dir;
    private Process systemd;
    private Process agent;

    @BeforeEach
    void start_a_notify_socket() throws Exception {
        assertTrue(Files.isExecutable(SOCAT), SOCAT + " is missing: install Debian's socat (.ci/run does)");
        Path socket = dir.resolve("notify.sock");
        systemd = new ProcessBuilder("bash", "-c", "ulimit -n 4; exec " + SOCAT + " -u UNIX-RECV:" + socket
                + " STDOUT").redirectErrorStream(true).redirectOutput(dir.resolve("received").toFile()).start();
        Await.until(WAIT, "socat listening on " + socket, () -> Files.exists(socket));
    }

    @AfterEach
    void kill_the_processes() throws Exception {
        for (Process p : new Process[] {agent, systemd}) {
            if (p != null) {
                p.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void ready_then_watchdog_pings_while_the_event_loop_answers_none_while_it_is_stuck_and_stopping_at_the_end()
            throws Exception {
        startAgent(Map.of("WATCHDOG_USEC", WATCHDOG_USEC));
        Await.until(WAIT, "READY=1 and then three WATCHDOG=1", () -> count("READY=1") == 1 && count("WATCHDOG=1") >= 3);

        tell("block 3000");
        Await.until(WAIT, "the event loop blocked", () -> output().contains("BLOCKED"));
        int whenBlocked = count("WATCHDOG=1");
        Await.until(WAIT, "the event loop free again", () -> output().contains("UNBLOCKED"));
        int whenFree = count("WATCHDOG=1");
        // 15 periods went by; at most the ping answered just before the block and one just after it may show.
        assertTrue(whenFree - whenBlocked <= 2, "WATCHDOG=1 sent while the loop was stuck: " + whenBlocked + " then "
                + whenFree);
        Await.until(WAIT, "WATCHDOG=1 again after the loop is free", () -> count("WATCHDOG=1") >= whenFree + 3);

        tell("stop");
        assertTrue(agent.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "the probe did not stop: " + output());
        assertEquals(0, agent.exitValue(), output());
        Await.until(WAIT, "STOPPING=1", () -> count("STOPPING=1") == 1);
    }

    @Test
    void without_a_watchdog_only_ready_and_stopping_are_sent() throws Exception {
        startAgent(Map.of());
        Await.until(WAIT, "READY=1", () -> count("READY=1") == 1);
        tell("stop");
        Await.until(WAIT, "STOPPING=1", () -> count("STOPPING=1") == 1);
        assertEquals(0, count("WATCHDOG=1"));
    }

    @Test
    void reads_its_settings_from_the_environment() {
        long self = ProcessHandle.current().pid();
        assertTrue(SystemdNotify.fromEnvironment(Map.of("WATCHDOG_USEC", "1000000")).isEmpty(), "no NOTIFY_SOCKET");
        assertEquals(500_000, SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "/run/x", "WATCHDOG_USEC",
                "1000000", "WATCHDOG_PID", Long.toString(self))).orElseThrow().periodMicros());
        assertEquals(0, SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "/run/x", "WATCHDOG_USEC", "1000000",
                "WATCHDOG_PID", Long.toString(self + 1))).orElseThrow().periodMicros(), "another process's watchdog");
    }

    private void startAgent(Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"), WatchdogProbe.class.getName()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.out").toFile());
        Map<String, String> all = new HashMap<>(env);
        all.put("NOTIFY_SOCKET", dir.resolve("notify.sock").toString());
        builder.environment().putAll(all);
        agent = builder.start();
    }

    private void tell(String line) throws IOException {
        OutputStream in = agent.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private int count(String message) {
        String received = read(dir.resolve("received"));
        int n = 0;
        for (int at = received.indexOf(message); at >= 0; at = received.indexOf(message, at + 1)) {
            n++;
        }
        return n;
    }

    private String output() {
        return read(dir.resolve("agent.out"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
