package org.classbox.sim.projector;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.classbox.settings.ConfigException;
import org.classbox.sim.Foreground;
import org.classbox.sim.faults.ControlServer;
import org.classbox.sim.faults.Fault;

/**
 * {@code simulator projector [--port 4352] [--password P] [--class 1|2] [--model lamp|laser|cut-down]
 * [--fault none|refuse|hang|garbage|wrong-password|slow] [--slow-millis 3000] [--control-port N]
 * [--notify host:port]}: one simulated PJLink projector on 127.0.0.1 until Ctrl-C. Prints one line saying where it
 * listens. Exit code 2: bad arguments; 1: it did not start.
 */
public final class ProjectorCommand {
    static final String USAGE = "usage: simulator projector [--port 4352] [--password P] [--class 1|2]"
            + " [--model lamp|laser|cut-down]\n"
            + "                           [--fault " + Fault.names().replace(", ", "|") + "] [--slow-millis 3000]"
            + " [--control-port N] [--notify HOST:PORT]\n"
            + "  A PJLink projector on 127.0.0.1 (TCP; with --class 2 also the UDP search and notifications on the same"
            + " port).\n  --control-port: HTTP control API (GET/PUT /fault, POST /lamp/fail /lamp/replace /power/on"
            + " /power/off; 0 = a free port).\n  --notify: where Class 2 notifications (LKUP, POWR, ERST, INPT, AVMT)"
            + " are sent by UDP.";
    private static final Set<String> FLAGS = Set.of("port", "password", "class", "model", "fault", "slow-millis",
            "control-port", "notify");

    private ProjectorCommand() {
    }

    public static int run(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return 0;
        }
        Map<String, String> flags;
        ProjectorSimConfig config;
        try {
            flags = parse(args);
            ProjectorModel model = model(flags.getOrDefault("model", "lamp"))
                    .withClass(integer(flags, "class", 1, 1, 2));
            config = new ProjectorSimConfig(integer(flags, "port", 4352, 0, 65535), flags.get("password"), 2000, 2000,
                    1200, 3_600_000, model);
        } catch (IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage() + "\n" + USAGE);
            return ConfigException.EXIT_CODE;
        }
        Vertx vertx = Vertx.vertx();
        ProjectorSimulator projector = new ProjectorSimulator(vertx, config);
        ControlServer control;
        try {
            projector.faults().set(Fault.parse(flags.getOrDefault("fault", "none")))
                    .slowMillis(integer(flags, "slow-millis", 3000, 0, 600_000));
            if (flags.containsKey("notify")) {
                String[] target = hostPort(flags.get("notify"));
                projector.notifyTo(target[0], Integer.parseInt(target[1]));
            }
            control = flags.containsKey("control-port")
                    ? projector.control(integer(flags, "control-port", 0, 0, 65535)) : null;
        } catch (IllegalArgumentException e) {
            vertx.close();
            System.err.println("configuration error: " + e.getMessage() + "\n" + USAGE);
            return ConfigException.EXIT_CODE;
        }
        return Foreground.run("projector", vertx,
                () -> projector.start().compose(v -> control == null ? Future.succeededFuture()
                        : control.start().mapEmpty()),
                () -> (control == null ? Future.<Void>succeededFuture() : control.stop())
                        .eventually(projector::stop),
                () -> System.out.println("projector: PJLink class " + config.model().pjlinkClass() + " "
                        + config.model().product() + " listening on 127.0.0.1:" + projector.port()
                        + (config.model().pjlinkClass() == 2 ? " (TCP and UDP, MAC " + projector.mac() + ")" : "")
                        + (control == null ? "" : "; control API on http://127.0.0.1:" + control.port())
                        + "; fault " + projector.faults().fault().flagName()));
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            if (name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!FLAGS.contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + name);
            }
            flags.put(name, value);
        }
        return flags;
    }

    private static int integer(Map<String, String> flags, String name, int defaultValue, int min, int max) {
        String text = flags.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the range
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number in [" + min + ", " + max
                + "], but was '" + text + "'");
    }

    private static ProjectorModel model(String name) {
        return switch (name) {
            case "lamp" -> ProjectorModel.LAMP;
            case "laser" -> ProjectorModel.LASER;
            case "cut-down" -> ProjectorModel.CUT_DOWN;
            default -> throw new IllegalArgumentException("--model must be lamp, laser or cut-down, but was '"
                    + name + "'");
        };
    }

    private static String[] hostPort(String text) {
        int colon = text.lastIndexOf(':');
        String[] parts = colon < 1 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
        if (parts == null || !parts[1].matches("\\d{1,5}") || Integer.parseInt(parts[1]) < 1
                || Integer.parseInt(parts[1]) > 65535) {
            throw new IllegalArgumentException("--notify must be HOST:PORT with a port in [1, 65535], but was '"
                    + text + "'");
        }
        return parts;
    }
}
