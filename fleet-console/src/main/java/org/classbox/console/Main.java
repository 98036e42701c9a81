package org.classbox.console;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the fleet console: {@code java -jar fleet-console.jar [--config FILE] [--key=value ...]}. Exit code 2 means
 * the configuration is bad; the message names the key, the value and what was expected.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args) {
        ConsoleConfig config;
        try {
            config = ConsoleConfig.from(Settings.load(args, System.getenv()));
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            return ConfigException.EXIT_CODE;
        }
        // The console names its own Logback file: the demo runs it from a class path shared with other processes.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-console.xml");
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        Vertx vertx = Vertx.vertx();
        FleetConsole console = new FleetConsole(vertx, config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping");
            try {
                // Close Vert.x only after the component stopped, and not from one of its own threads.
                console.stop().await(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("stopping: {}", e.getMessage());
            }
            try {
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("closing Vert.x: {}", e.getMessage());
            }
        }, "console-shutdown"));
        console.start().onFailure(e -> {
            log.error("fleet console failed to start: {}", e.getMessage(), e);
            // Exit from a thread of our own: the shutdown hook then stops what did start.
            new Thread(() -> System.exit(1), "exit").start();
        });
        return 0;
    }
}
