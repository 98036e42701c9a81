package org.classbox.sim.terminal;

import io.vertx.core.Vertx;
import java.util.List;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.sim.Foreground;

/**
 * {@code simulator terminal --kind starlink|vsat [--port N] [--host 127.0.0.1] [--community public] [--fault F]
 * [--slowMillis 3000] [--control-port N]}: runs a simulated satellite terminal until Ctrl-C and prints one line
 * saying where it listens. Exit code 2: bad arguments; 1: it did not start.
 */
public final class TerminalCommand {
    static final String USAGE = "usage: simulator terminal --kind starlink|vsat [--port 9200|1161] [--host 127.0.0.1]"
            + " [--community public]\n"
            + "                          [--fault none|refuse|hang|garbage|wrong-password|slow] [--slowMillis 3000]"
            + " [--control-port 0]\n"
            + "  starlink: the dish's get_status as JSON over HTTP POST /SpaceX.API.Device.Device/Handle;\n"
            + "  vsat: an SNMP v2c agent on UDP (Es/No, lock, Tx power under 1.3.6.1.4.1.32473.1).\n"
            + "  control (POST, loopback): /obstruct?fraction=0.3 /lose-lock /regain-lock /outage?seconds=N"
            + " /fault?set=F";

    private TerminalCommand() {
    }

    public static int run(String[] args) {
        TerminalSimConfig config;
        try {
            if (List.of(args).contains("--help")) {
                System.out.println(USAGE);
                return 0;
            }
            config = TerminalSimConfig.from(Settings.load(args, System.getenv()));
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage() + "\n" + USAGE);
            return ConfigException.EXIT_CODE;
        }
        Vertx vertx = Vertx.vertx();
        TerminalSimulator simulator = new TerminalSimulator(vertx, config);
        return Foreground.run("terminal", vertx, simulator::start, simulator::stop, () ->
                System.out.println("terminal: " + simulator.where() + "; control at http://127.0.0.1:"
                        + simulator.controlPort() + " (fault " + config.fault().flagName() + ")"));
    }
}
