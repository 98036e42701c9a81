package org.classbox.provisioning.selftest;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.provisioning.cli.Main;
import org.classbox.sim.camera.CameraSimConfig;
import org.classbox.sim.camera.CameraSimulator;
import org.classbox.sim.projector.ProjectorModel;
import org.classbox.sim.projector.ProjectorSimConfig;
import org.classbox.sim.projector.ProjectorSimulator;

/**
 * A classroom on loopback for the provisioning commands: a PJLink class 2 projector and an ONVIF camera from the
 * simulator, and the agent configuration a box in that room would have. Tests change the configuration with
 * {@link #set} before they run a command.
 */
public final class SimulatedClassroom implements AutoCloseable {
    public final Vertx vertx = Vertx.vertx();
    public final ProjectorSimulator projector;
    public final CameraSimulator camera;
    public final Path dir;
    private final Map<String, String> config = new LinkedHashMap<>();
    public final StringWriter out = new StringWriter();
    public final StringWriter err = new StringWriter();

    public SimulatedClassroom(Path dir) throws Exception {
        this.dir = dir;
        projector = new ProjectorSimulator(vertx, new ProjectorSimConfig(0, null, 1000, 500, 1200, 3_600_000,
                ProjectorModel.LAMP.withClass(2)));
        camera = new CameraSimulator(vertx, CameraSimConfig.loopback());
        projector.start().await(10, TimeUnit.SECONDS);
        camera.start().await(10, TimeUnit.SECONDS);
        config.put("identity.boxId", "box-0042");
        config.put("identity.groupId", "county-7");
        config.put("uplink.brokerUri", "tcp://127.0.0.1:1883");
        config.put("tls.allowPlaintext", "true");
        config.put("journal.dataDir", dir.resolve("agent").toString());
        config.put("devices", "projector,camera,host");
        config.put("devices.projector.host", "127.0.0.1");
        config.put("devices.projector.port", Integer.toString(projector.port()));
        config.put("devices.projector.timeoutMillis", "2000");
        config.put("devices.camera.type", "onvif");
        config.put("devices.camera.host", "127.0.0.1");
        config.put("devices.camera.port", Integer.toString(camera.port()));
        config.put("devices.camera.username", "admin");
        config.put("devices.camera.password", "admin");
        config.put("devices.camera.timeoutMillis", "2000");
        config.put("devices.host.dataDir", dir.toString());
    }

    public SimulatedClassroom set(String key, String value) {
        config.put(key, value);
        return this;
    }

    public Path configFile() throws IOException {
        StringBuilder text = new StringBuilder();
        config.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, text.toString());
        return file;
    }

    /** Runs {@code classbox-provision args...}; what it printed is in {@link #out} and {@link #err}. */
    public int provision(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Override
    public void close() throws Exception {
        projector.stop().await(10, TimeUnit.SECONDS);
        camera.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
