package org.classbox.sim;

import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.sim.broker.BrokerCommand;
import org.classbox.sim.demo.Demo;
import org.classbox.sim.demo.DemoConfig;
import org.classbox.sim.lessons.OriginCommand;
import org.classbox.sim.link.LinkCommand;
import org.classbox.sim.link.TraceCommand;
import org.classbox.sim.terminal.TerminalCommand;

/**
 * {@code java -cp simulator.jar org.classbox.sim.Main demo [--duration SECONDS] [--key=value ...]}: runs the demo
 * topology until Ctrl-C or for the given duration, then stops everything and exits 0. Exit code 2: bad
 * configuration; 1: something failed to start. {@code ... Main broker [--key=value ...]} runs only the MQTT broker,
 * in a process of its own ({@link BrokerCommand}); {@code ... Main origin [--port 8090] ...} a live lesson origin
 * ({@link OriginCommand}); {@code ... Main trace ...} prints a generated outage trace ({@link TraceCommand});
 * {@code terminal} a satellite terminal ({@link TerminalCommand}); {@code link} a satellite link ({@link LinkCommand}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length > 0 && args[0].equals("broker")) {
            return BrokerCommand.run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("origin")) {
            return OriginCommand.run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("trace")) {
            return TraceCommand.run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("terminal")) {
            return TerminalCommand.run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("link")) {
            return LinkCommand.run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length == 0 || !args[0].equals("demo")) {
            System.err.println("usage: classbox demo [--duration SECONDS] [--key=value ...]"
                    + " (keys: simulator/src/main/resources/demo.sample.properties)\n"
                    + "       classbox broker [--broker.host=127.0.0.1] [--broker.port=1883] [--dataDir=./run/broker]\n"
                    + "       classbox origin [--port 8090] [--lesson ID] [--minutes M] [--segmentSeconds S] [--rate R]"
                    + " [--dataDir D] ... (--help)\n"
                    + "       classbox trace [--minutes 10] [--percent 5] [--seed 1] (prints an outage trace)\n"
                    + "       classbox terminal --kind starlink|vsat [--port N] [--fault F] [--control-port N] (--help)\n"
                    + "       classbox link --listen 127.0.0.1:PORT --target HOST:PORT [--profile geo] [--trace NAME]"
                    + " (--help)");
            return ConfigException.EXIT_CODE;
        }
        DemoConfig config;
        try {
            config = DemoConfig.from(Settings.load(Arrays.copyOfRange(args, 1, args.length), System.getenv()));
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            return ConfigException.EXIT_CODE;
        }
        Vertx vertx = Vertx.vertx();
        Demo demo = new Demo(vertx, config, System.out);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(demo, vertx, done), "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            demo.start().await(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("demo failed to start: " + e.getMessage());
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(demo, vertx, done);
            return 1;
        }
        try {
            if (config.durationSeconds() > 0) {
                if (!done.await(config.durationSeconds(), TimeUnit.SECONDS)) {
                    System.out.println("demo: " + config.durationSeconds() + " s are up, stopping");
                    Runtime.getRuntime().removeShutdownHook(hook);
                    stop(demo, vertx, done);
                }
            } else {
                done.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void stop(Demo demo, Vertx vertx, CountDownLatch done) {
        try {
            demo.stop().await(60, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
            System.out.println("demo: stopped");
        } catch (Exception e) {
            System.err.println("demo: stopping failed: " + e.getMessage());
        } finally {
            done.countDown();
        }
    }
}
