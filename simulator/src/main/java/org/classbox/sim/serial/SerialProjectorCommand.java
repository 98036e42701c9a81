package org.classbox.sim.serial;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.sim.Foreground;
import org.classbox.sim.faults.ControlServer;
import org.classbox.sim.faults.Fault;

/**
 * {@code simulator serial-projector [--port 7000] [--pty] [--ptyLink PATH] [--fault none] [--slowMillis 3000]
 * [--control-port N] [--warmupMillis 3000] [--cooldownMillis 3000] [--lampHours 1200] [--serial X4SIM0000001]}:
 * an Epson ESC/VP21 projector on a raw TCP serial bridge and, with {@code --pty}, on a pseudo-terminal through
 * socat, until Ctrl-C. Exit code 2: bad arguments; 1: it did not start.
 */
public final class SerialProjectorCommand {
    static final String USAGE = "usage: simulator serial-projector [--port 7000] [--pty]"
            + " [--ptyLink /tmp/classbox-serial-projector]"
            + "\n        [--fault none|refuse|hang|garbage|slow] [--slowMillis 3000] [--control-port N]"
            + "\n        [--warmupMillis 3000] [--cooldownMillis 3000] [--lampHours 1200] [--serial X4SIM0000001]"
            + "\n  An Epson projector speaking ESC/VP21 on a raw TCP serial bridge (driver port tcp://127.0.0.1:PORT);"
            + "\n  --pty also links a pseudo-terminal to it with socat (driver port = the link). --control-port serves"
            + "\n  GET/PUT /fault, POST /lamp/fail, /power/on, /power/off on 127.0.0.1."
            + " (wrong-password: not applicable)";

    private SerialProjectorCommand() {
    }

    public static int run(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.contains("--help")) {
            System.out.println(USAGE);
            return 0;
        }
        boolean pty = rest.remove("--pty");
        SerialProjectorSimConfig config;
        Fault fault;
        long slowMillis;
        int controlPort;
        Path ptyLink;
        try {
            Settings s = Settings.load(rest.toArray(String[]::new), System.getenv());
            int port = Check.inRange("port", s.integer("port", 7000), 0, 65535);
            config = new SerialProjectorSimConfig(port, s.longValue("warmupMillis", 3000),
                    s.longValue("cooldownMillis", 3000), s.longValue("lampHours", 1200),
                    s.string("serial", "X4SIM0000001"));
            fault = Fault.parse(s.string("fault", "none"));
            slowMillis = Check.inRange("slowMillis", s.longValue("slowMillis", 3000), 0, 600_000);
            controlPort = Check.inRange("control-port", s.integer("control-port", -1), -1, 65535);
            ptyLink = Path.of(s.string("ptyLink", "/tmp/classbox-serial-projector"));
            s.requireAllUsed();
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage() + "\n" + USAGE);
            return ConfigException.EXIT_CODE;
        }
        Vertx vertx = Vertx.vertx();
        SerialProjectorSimulator simulator = new SerialProjectorSimulator(vertx, config);
        simulator.faults().set(fault).slowMillis(slowMillis);
        ControlServer control = controlPort < 0 ? null : simulator.controls(
                new ControlServer(vertx, "127.0.0.1", controlPort, simulator.faults()));
        PtyBridge[] bridge = {null};
        return Foreground.run("serial-projector", vertx,
                () -> simulator.start()
                        .compose(v -> control == null ? Future.succeededFuture() : control.start().mapEmpty())
                        .compose(v -> {
                            if (!pty) {
                                return Future.succeededFuture();
                            }
                            bridge[0] = new PtyBridge(vertx, ptyLink, simulator.port());
                            return bridge[0].start();
                        }),
                () -> (bridge[0] == null ? Future.<Void>succeededFuture() : bridge[0].stop())
                        .eventually(() -> control == null ? Future.succeededFuture() : control.stop())
                        .eventually(simulator::stop),
                () -> System.out.println("serial-projector: ESC/VP21 on tcp://127.0.0.1:" + simulator.port()
                        + (bridge[0] == null ? "" : " and pty " + ptyLink)
                        + (control == null ? "" : ", control http://127.0.0.1:" + control.port())
                        + ", fault " + fault.flagName()));
    }
}
