package org.classbox.agent;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.config.RestartConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the agent restarts on the console's {@code Node Control/Reboot}: runs {@code agent.rebootCommand} on a worker,
 * or, without one (or when it fails), exits with {@link #EXIT_CODE} from a thread of its own, so the shutdown hook
 * stops the agent cleanly and the service manager (systemd {@code Restart=always}) starts it again.
 */
final class AgentRestart {
    /** The agent exited to be restarted (EX_TEMPFAIL): not a failure, its service manager starts it again. */
    static final int EXIT_CODE = 75;
    private static final Logger log = LoggerFactory.getLogger(AgentRestart.class);

    private AgentRestart() {
    }

    static Runnable of(Vertx vertx, RestartConfig config) {
        if (config.rebootCommand().isEmpty()) {
            return AgentRestart::exit;
        }
        return () -> vertx.executeBlocking(() -> {
            Process process = new ProcessBuilder(config.rebootCommand()).inheritIO().start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("exited with " + process.exitValue());
            }
            return null;
        }).onFailure(e -> {
            log.warn("{} failed: {}; exiting with {} instead", config.rebootCommand(), e.getMessage(), EXIT_CODE);
            exit();
        });
    }

    private static void exit() {
        new Thread(() -> System.exit(EXIT_CODE), "restart").start();
    }
}
