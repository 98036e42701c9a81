package org.classbox.agent;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A process for {@link SystemdNotifyTest}: {@link SystemdNotify} watching an event loop, as the agent's Main wires it,
 * told through stdin to block that loop ({@code block <ms>}) or to stop ({@code stop}); prints BLOCKED and UNBLOCKED.
 */
public final class WatchdogProbe {
    private WatchdogProbe() {
    }

    public static void main(String[] args) throws Exception {
        // The loop is blocked on purpose; Vert.x's own warnings about it would only be noise here.
        Vertx vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(1)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.HOURS));
        Context loop = vertx.getOrCreateContext();
        SystemdNotify systemd = SystemdNotify.fromEnvironment(System.getenv()).orElseThrow();
        systemd.start(loop).await(20, TimeUnit.SECONDS);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
            if (line.startsWith("block ")) {
                long millis = Long.parseLong(line.substring("block ".length()));
                loop.runOnContext(v -> {
                    System.out.println("BLOCKED");
                    try {
                        // The stuck event loop this test is about (asleep rather than spinning: 2 shared cores).
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    System.out.println("UNBLOCKED");
                });
            }
        }
        systemd.stop().await(20, TimeUnit.SECONDS);
        vertx.close().await(20, TimeUnit.SECONDS);
    }
}
