package org.classbox.sim.terminal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.classbox.sim.faults.ControlServer;
import org.classbox.sim.faults.FaultSwitch;

/**
 * A simulated satellite terminal: a Starlink-style dish status API (HTTP) or a VSAT modem's SNMP agent (UDP), with
 * its loopback control API. Control actions: {@code POST /obstruct?fraction=0.3}, {@code /lose-lock},
 * {@code /regain-lock}, {@code /outage?seconds=N}, plus the common {@code /fault}.
 */
public final class TerminalSimulator {
    private final Vertx vertx;
    private final TerminalSimConfig config;
    private final FaultSwitch faults = new FaultSwitch();
    private final TerminalModel model = new TerminalModel(System::currentTimeMillis);
    private final ControlServer control;
    private DishServer dish;
    private SnmpAgent agent;
    private int port = -1;

    public TerminalSimulator(Vertx vertx, TerminalSimConfig config) {
        this.vertx = vertx;
        this.config = config;
        faults.set(config.fault()).slowMillis(config.slowMillis());
        control = new ControlServer(vertx, "127.0.0.1", config.controlPort(), faults)
                .action("/obstruct", request -> {
                    model.obstruct(fraction(request.getParam("fraction")));
                    return state();
                })
                .action("/lose-lock", request -> {
                    model.lock(false);
                    return state();
                })
                .action("/regain-lock", request -> {
                    model.lock(true);
                    return state();
                })
                .action("/outage", request -> {
                    model.outage(number("seconds", request.getParam("seconds")));
                    return state();
                });
    }

    public Future<Void> start() {
        Future<Integer> listening;
        if (config.kind() == TerminalSimConfig.Kind.STARLINK) {
            dish = new DishServer(vertx, model, faults);
            listening = dish.start(config.host(), config.port());
        } else {
            agent = new SnmpAgent(vertx, new ModemMib(model, "vsat-sim"), config.community(), faults);
            listening = agent.start(config.host(), config.port());
        }
        return listening.compose(p -> {
            port = p;
            return control.start();
        }).mapEmpty();
    }

    public Future<Void> stop() {
        Future<Void> server = dish != null ? dish.stop() : agent != null ? agent.stop() : Future.succeededFuture();
        return Future.join(server, control.stop()).mapEmpty();
    }

    /** The dish's TCP port or the agent's UDP port, once started. */
    public int port() {
        return port;
    }

    public int controlPort() {
        return control.port();
    }

    public FaultSwitch faults() {
        return faults;
    }

    public TerminalModel model() {
        return model;
    }

    public String where() {
        return config.kind() == TerminalSimConfig.Kind.STARLINK
                ? "starlink dish status API at http://" + config.host() + ":" + port + DishServer.PATH
                : "vsat modem SNMP v2c agent at udp://" + config.host() + ":" + port + " (community "
                + config.community() + ")";
    }

    private JsonObject state() {
        return new JsonObject().put("connected", model.connected()).put("obstructed", model.obstructed());
    }

    private static double fraction(String text) {
        double value = number("fraction", text);
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException("fraction must be in [0, 1], but was " + text);
        }
        return value;
    }

    private static double number(String name, String text) {
        if (text == null) {
            throw new IllegalArgumentException("give " + name + "=<number>");
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, but was '" + text + "'");
        }
    }
}
