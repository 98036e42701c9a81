package org.classbox.bench;

import io.vertx.core.Vertx;
import org.classbox.sim.Foreground;
import org.classbox.sim.projector.ProjectorSimConfig;
import org.classbox.sim.projector.ProjectorSimulator;

/**
 * {@code ProjectorFixture --port=N}: the simulator's PJLink projector, powered on (so lamp hours move as in a
 * lesson), in a process of its own until SIGTERM. The simulator jar has no projector subcommand yet; once it has,
 * {@code bench/footprint.properties} can name that instead.
 */
public final class ProjectorFixture {
    private ProjectorFixture() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || !args[0].matches("--port=\\d{1,5}")) {
            System.err.println("usage: ProjectorFixture --port=N, but was " + String.join(" ", args));
            System.exit(2);
        }
        int port = Integer.parseInt(args[0].substring("--port=".length()));
        Vertx vertx = Vertx.vertx();
        // As the demo's projector: 3 s to warm up or cool down, 1,200 lamp hours, one lamp hour a minute.
        ProjectorSimulator projector = new ProjectorSimulator(vertx, new ProjectorSimConfig(port, null, 3000, 3000,
                1200, 60_000));
        System.exit(Foreground.run("projector", vertx, () -> projector.start().onSuccess(v -> projector.setPower(true)),
                projector::stop, () -> System.out.println("projector: PJLink at 127.0.0.1:" + projector.port())));
    }
}
