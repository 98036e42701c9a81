package org.classbox.agent;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd (a unit with {@code Type=notify}, {@code NotifyAccess=all}, {@code WatchdogSec=}) that the agent is
 * ready, that it is alive, and that it is stopping. Java cannot send unix datagrams, so each message is one run of
 * {@code systemd-notify}, which waits until systemd has taken the message (so it is attributed to the unit although
 * the sender exits at once). Alive means the agent's event loop works: every {@code WATCHDOG_USEC}/2 a ping is posted
 * to the agent's context, and {@code WATCHDOG=1} is sent only if the previous ping ran. A stuck loop stops the
 * messages and systemd restarts the agent. Everything here runs on one daemon thread of its own, never on the loop.
 */
public final class SystemdNotify {
    private static final Logger log = LoggerFactory.getLogger(SystemdNotify.class);
    private static final String COMMAND = "systemd-notify";

    private final long periodMicros;
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, task -> {
        Thread t = new Thread(task, "systemd-notify");
        t.setDaemon(true);
        return t;
    });
    // Written by the loop (answered) and by the notify thread (sent); read by the notify thread.
    private volatile long answered;
    private long sent;
    private boolean withheld;

    private SystemdNotify(long periodMicros) {
        this.periodMicros = periodMicros;
    }

    /**
     * Notifications for the unit that started this process: empty without {@code NOTIFY_SOCKET}; no watchdog without
     * {@code WATCHDOG_USEC}, or when {@code WATCHDOG_PID} names another process.
     */
    public static Optional<SystemdNotify> fromEnvironment(Map<String, String> env) {
        if (env.getOrDefault("NOTIFY_SOCKET", "").isEmpty()) {
            return Optional.empty();
        }
        String pid = env.getOrDefault("WATCHDOG_PID", "");
        long micros = 0;
        if (pid.isEmpty() || pid.equals(Long.toString(ProcessHandle.current().pid()))) {
            try {
                micros = Long.parseLong(env.getOrDefault("WATCHDOG_USEC", "0"));
            } catch (NumberFormatException e) {
                log.warn("WATCHDOG_USEC must be a number of microseconds, but was '{}': no watchdog pings",
                        env.get("WATCHDOG_USEC"));
            }
        }
        return Optional.of(new SystemdNotify(Math.max(0, micros / 2)));
    }

    /** Microseconds between watchdog pings (half of WATCHDOG_USEC); 0: no watchdog. */
    long periodMicros() {
        return periodMicros;
    }

    /** Sends READY=1 and starts the watchdog pings of {@code loop} (the agent's context). */
    public synchronized Future<Void> start(Context loop) {
        Promise<Void> ready = Promise.promise();
        thread.execute(() -> {
            send("READY=1");
            ready.complete();
        });
        if (periodMicros > 0) {
            thread.execute(() -> ping(loop));
            thread.scheduleWithFixedDelay(() -> tick(loop), periodMicros, periodMicros, TimeUnit.MICROSECONDS);
            log.info("systemd watchdog: WATCHDOG=1 every {} ms while the event loop answers", periodMicros / 1000);
        }
        return ready.future();
    }

    /** Sends STOPPING=1 and ends the pings and the thread. */
    public synchronized Future<Void> stop() {
        if (thread.isShutdown()) {
            return Future.succeededFuture();
        }
        Promise<Void> stopped = Promise.promise();
        thread.execute(() -> {
            send("STOPPING=1");
            stopped.complete();
        });
        // Runs the STOPPING=1 already queued, then ends the thread; the periodic pings are dropped.
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.shutdown();
        return stopped.future();
    }

    private void tick(Context loop) {
        try {
            check(loop);
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again: log and keep watching.
            log.warn("systemd watchdog: {}", e.toString());
        }
    }

    private void check(Context loop) {
        if (answered == sent) {
            if (withheld) {
                log.info("the event loop answers again: WATCHDOG=1 resumed");
                withheld = false;
            }
            send("WATCHDOG=1");
            ping(loop);
        } else if (!withheld) {
            // No new ping while one waits: a stuck loop would otherwise collect one per period.
            log.warn("the event loop has not answered a ping for {} ms: WATCHDOG=1 withheld, systemd restarts the"
                    + " agent if this lasts", periodMicros / 1000);
            withheld = true;
        }
    }

    private void ping(Context loop) {
        long seq = ++sent;
        loop.runOnContext(v -> answered = seq);
    }

    private void send(String state) {
        List<String> command = new ArrayList<>(List.of(COMMAND));
        command.add(state.equals("READY=1") ? "--ready" : state);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // Its few bytes of output fit the pipe, so it can finish before they are read.
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                log.warn("{} did not finish within 10 s", String.join(" ", command));
            } else if (process.exitValue() != 0) {
                log.warn("{} exited with {}: {}", String.join(" ", command), process.exitValue(),
                        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            }
            process.getInputStream().close();
        } catch (IOException e) {
            log.warn("cannot run {}: {}", String.join(" ", command), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
