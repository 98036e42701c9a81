package org.classbox.agent;

import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.config.AgentConfig;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the edge agent: {@code java -jar edge-agent.jar [--config FILE] [--key=value ...]}. Exit code 2 means the
 * configuration is bad; the message names the key, the value and what was expected. Exit code 75 means the agent
 * exited to be restarted (the console's {@code Node Control/Reboot} without {@code agent.rebootCommand}): its
 * service manager starts it again.
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

    /** Starts the agent and returns 0, or returns a non-zero exit code without starting anything. */
    static int run(String[] args) {
        AgentConfig config;
        try {
            config = AgentConfig.from(Settings.load(args, System.getenv()));
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            return ConfigException.EXIT_CODE;
        }
        // Every log line names the box: logback-agent.xml reads this property. The agent names its own Logback
        // file because it may share a class path (the demo's) with other processes' logback.xml.
        System.setProperty("classbox.box", config.identity().boxId());
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-agent.xml");
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        Vertx vertx = Vertx.vertx();
        EdgeAgent agent = new EdgeAgent(vertx, config);
        // Under systemd (Type=notify): READY=1 once started, watchdog pings while the event loop answers.
        Optional<SystemdNotify> systemd = SystemdNotify.fromEnvironment(System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping");
            try {
                if (systemd.isPresent()) {
                    systemd.get().stop().await(15, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                log.warn("telling systemd the agent stops: {}", e.getMessage());
            }
            try {
                // Close Vert.x only after the component stopped, and not from one of its own threads.
                agent.stop().await(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("stopping: {}", e.getMessage());
            }
            try {
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("closing Vert.x: {}", e.getMessage());
            }
        }, "agent-shutdown"));
        agent.start()
                .onSuccess(v -> {
                    log.info("edge agent {}/{} started: devices {}, broker {}, journal {}",
                            config.identity().groupId(), config.identity().boxId(), config.devices().devices().stream()
                                    .map(d -> d.id() + " (" + d.type().name() + ")").toList(),
                            config.uplink().brokerUri(), config.journal().dataDir());
                    systemd.ifPresent(s -> s.start(agent.context()));
                })
                .onFailure(e -> {
                    if (e instanceof ConfigException) {
                        // A device's own keys are checked when its driver opens, after Vert.x started.
                        System.err.println("configuration error: " + e.getMessage());
                        new Thread(() -> System.exit(ConfigException.EXIT_CODE), "exit").start();
                        return;
                    }
                    log.error("edge agent failed to start: {}", e.getMessage(), e);
                    // Exit from a thread of our own: the shutdown hook then stops what did start.
            new Thread(() -> System.exit(1), "exit").start();
                });
        return 0;
    }
}
