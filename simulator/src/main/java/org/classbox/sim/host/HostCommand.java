package org.classbox.sim.host;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.sim.Foreground;

/**
 * {@code simulator host --root DIR [--temperature 48] [--under-voltage] [--control-port 0] [--fault none]
 * [--drift-millis 2000]}: writes a Raspberry Pi 4's health files under DIR and keeps them drifting until Ctrl-C.
 * Exit code 2: bad arguments; 1: it did not start.
 */
public final class HostCommand {
    static final String USAGE = "usage: simulator host --root DIR [--temperature 48] [--under-voltage]"
            + " [--control-port 0] [--fault none|garbage|refuse] [--drift-millis 2000]\n"
            + "  Writes a Raspberry Pi 4's proc/, sys/ and run/ health files under DIR and keeps them drifting;\n"
            + "  point an agent at it with devices.<id>.type=host devices.<id>.root=DIR. Control API on loopback:\n"
            + "  POST /temperature?celsius=85, /under-voltage?on=true, /clock?synchronised=false, /reboot;"
            + " PUT /fault?set=garbage.";

    private HostCommand() {
    }

    public static int run(String[] args) {
        HostSimConfig config;
        try {
            if (List.of(args).contains("--help")) {
                System.out.println(USAGE);
                return 0;
            }
            config = HostSimConfig.from(Settings.load(withSwitches(args), System.getenv()));
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage() + "\n" + USAGE);
            return ConfigException.EXIT_CODE;
        }
        Vertx vertx = Vertx.vertx();
        HostSimulator simulator = new HostSimulator(vertx, config);
        return Foreground.run("host", vertx, simulator::start, simulator::stop, () -> System.out.println(
                "host: writing a Raspberry Pi 4 health tree under " + config.root().toAbsolutePath() + " every "
                        + config.driftMillis() + " ms; control API at http://127.0.0.1:" + simulator.controlPort()));
    }

    /** {@code --under-voltage} alone means {@code --under-voltage=true}, as a switch reads. */
    static String[] withSwitches(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            boolean bare = args[i].equals("--under-voltage")
                    && (i + 1 == args.length || args[i + 1].startsWith("--"));
            out.add(bare ? "--under-voltage=true" : args[i]);
        }
        return out.toArray(String[]::new);
    }
}
