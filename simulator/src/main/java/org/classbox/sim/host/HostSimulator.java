package org.classbox.sim.host;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.classbox.sim.faults.ControlServer;
import org.classbox.sim.faults.Fault;
import org.classbox.sim.faults.FaultSwitch;

/**
 * Keeps a fake health tree under a directory up to date: writes every file at start and after each drift step or
 * control action, each by write-then-rename so a reader never sees half a file. File writes run on a worker of its
 * own ({@code host-sim}). Control API (loopback): {@code POST /temperature?celsius=85},
 * {@code POST /under-voltage?on=true}, {@code POST /clock?synchronised=false}, {@code POST /reboot}, and
 * {@code PUT /fault?set=garbage|refuse|none}; the other faults mean nothing to a file tree and play as none.
 */
public final class HostSimulator {
    /** The faults a file tree can play. */
    static final Set<Fault> PLAYS = EnumSet.of(Fault.NONE, Fault.GARBAGE, Fault.REFUSE);

    private final Vertx vertx;
    private final HostSimConfig config;
    private final SimulatedHost host;
    private final FaultSwitch faults = new FaultSwitch();
    private final ControlServer control;
    private WorkerExecutor worker;
    private long timer = -1;

    public HostSimulator(Vertx vertx, HostSimConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.host = new SimulatedHost(config.temperature(), config.underVoltage(), System.currentTimeMillis());
        faults.set(config.fault());
        this.control = new ControlServer(vertx, "127.0.0.1", config.controlPort(), faults)
                .action("/temperature", r -> changed(() -> host.temperature(number(r, "celsius"))))
                .action("/under-voltage", r -> changed(() -> host.underVoltage(flag(r, "on"))))
                .action("/clock", r -> changed(() -> host.clockSynchronised(flag(r, "synchronised"))))
                .action("/reboot", r -> changed(() -> host.reboot(System.currentTimeMillis())));
    }

    public Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("host-sim", 1);
        return write().compose(v -> control.start()).map(port -> {
            timer = vertx.setPeriodic(config.driftMillis(), id -> {
                host.drift();
                write();
            });
            return null;
        });
    }

    public Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        Future<Void> closed = control.stop();
        return worker == null ? closed : closed.eventually(worker::close);
    }

    /** Writes the tree as it is now; the future completes once every file is in place. */
    public Future<Void> write() {
        Map<String, String> files = host.files(System.currentTimeMillis(), faults.fault());
        return worker.executeBlocking(() -> {
            for (Map.Entry<String, String> file : files.entrySet()) {
                place(config.root().resolve(file.getKey()), file.getValue());
            }
            return null;
        });
    }

    public SimulatedHost host() {
        return host;
    }

    public FaultSwitch faults() {
        return faults;
    }

    public int controlPort() {
        return control.port();
    }

    private static void place(Path path, String text) throws IOException {
        if (text == null) {
            Files.deleteIfExists(path);
            return;
        }
        Files.createDirectories(path.getParent());
        Path temporary = path.resolveSibling("." + path.getFileName() + ".tmp");
        Files.writeString(temporary, text);
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private JsonObject changed(Runnable change) {
        change.run();
        write();
        int bits = host.throttlingBits();
        return new JsonObject().put("throttled", "0x" + Integer.toHexString(bits)).put("root", config.root().toString());
    }

    private static double number(HttpServerRequest request, String name) {
        String text = request.getParam(name);
        try {
            double value = Double.parseDouble(text);
            if (value >= -20 && value <= 120) {
                return value;
            }
        } catch (NullPointerException | NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a number in [-20, 120], but was '" + text + "'");
    }

    private static boolean flag(HttpServerRequest request, String name) {
        String text = request.getParam(name);
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(name + " must be true or false, but was '" + text + "'");
    }
}
