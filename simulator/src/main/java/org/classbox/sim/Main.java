package org.classbox.sim;

import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.sim.broker.BrokerCommand;
import org.classbox.sim.camera.CameraCommand;
import org.classbox.sim.demo.Demo;
import org.classbox.sim.demo.DemoConfig;
import org.classbox.sim.fleet.FleetCommand;
import org.classbox.sim.host.HostCommand;
import org.classbox.sim.lessons.OriginCommand;
import org.classbox.sim.link.LinkCommand;
import org.classbox.sim.link.TraceCommand;
import org.classbox.sim.projector.ProjectorCommand;
import org.classbox.sim.serial.SerialProjectorCommand;
import org.classbox.sim.terminal.TerminalCommand;

/**
 * {@code java -cp simulator.jar org.classbox.sim.Main demo [--duration SECONDS] [--key=value ...]}: runs the demo
 * topology until Ctrl-C or for the given duration, then stops everything and exits 0. Exit code 2: bad
 * configuration; 1: something failed to start. Every other subcommand ({@link #COMMANDS}: the broker, a lesson origin,
 * each device simulator, an outage trace) runs one part on its own, so a developer or a real box can use it.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Each subcommand but {@code demo}: its name, what runs it, and its usage line. */
    private record Command(String name, Function<String[], Integer> run, String usage) {
    }

    private static final List<Command> COMMANDS = List.of(
            new Command("broker", BrokerCommand::run,
                    "broker [--broker.host=127.0.0.1] [--broker.port=1883] [--dataDir=./run/broker]"),
            new Command("origin", OriginCommand::run,
                    "origin [--port 8090] [--lesson ID] [--minutes M] [--segmentSeconds S] [--rate R] [--dataDir D]"
                            + " ... (--help)"),
            new Command("trace", TraceCommand::run, "trace [--minutes 10] [--percent 5] [--seed 1]"
                    + " (prints an outage trace)"),
            new Command("serial-projector", SerialProjectorCommand::run,
                    "serial-projector [--port 7000] [--pty] [--fault F] [--control-port N] ... (--help)"),
            new Command("host", HostCommand::run,
                    "host --root DIR [--temperature 48] [--under-voltage] ... (--help)"),
            new Command("projector", ProjectorCommand::run,
                    "projector [--port 4352] [--class 2] [--model lamp|laser|cut-down] [--fault F] [--control-port N]"
                            + " ... (--help)"),
            new Command("terminal", TerminalCommand::run,
                    "terminal --kind starlink|vsat [--port N] [--fault F] [--control-port N] (--help)"),
            new Command("link", LinkCommand::run,
                    "link --listen 127.0.0.1:PORT --target HOST:PORT [--profile geo] [--trace NAME] (--help)"),
            new Command("fleet", FleetCommand::run,
                    "fleet [--broker tcp://127.0.0.1:1883] [--boxes 100] [--seed 1] [--outages-per-day 2]"
                            + " [--faults-per-day 1] [--time-scale 1] ... (--help)"),
            new Command("camera", CameraCommand::run,
                    "camera [--port 8080] [--rtsp-port 8554] [--discovery-port 3702] [--username U] [--password P]"
                            + " [--fault F] [--control-port N] ... (--help)"));

    static int run(String[] args) {
        for (Command command : COMMANDS) {
            if (args.length > 0 && args[0].equals(command.name())) {
                return command.run().apply(Arrays.copyOfRange(args, 1, args.length));
            }
        }
        if (args.length == 0 || !args[0].equals("demo")) {
            StringBuilder usage = new StringBuilder("usage: classbox demo [--duration SECONDS] [--key=value ...]"
                    + " (keys: simulator/src/main/resources/demo.sample.properties)");
            COMMANDS.forEach(c -> usage.append("\n       classbox ").append(c.usage()));
            System.err.println(usage);
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
