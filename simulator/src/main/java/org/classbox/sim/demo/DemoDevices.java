package org.classbox.sim.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import org.classbox.sim.camera.CameraSimConfig;
import org.classbox.sim.camera.CameraSimulator;
import org.classbox.sim.faults.Fault;
import org.classbox.sim.host.HostSimConfig;
import org.classbox.sim.host.HostSimulator;
import org.classbox.sim.projector.ProjectorSimConfig;
import org.classbox.sim.projector.ProjectorSimulator;
import org.classbox.sim.terminal.TerminalSimConfig;
import org.classbox.sim.terminal.TerminalSimulator;

/**
 * The demo classroom's devices, each simulated in this JVM on loopback and speaking its real protocol: a PJLink
 * projector, an ONVIF camera with its RTSP stream, a Starlink-style dish, and the box's own health (a fake Pi
 * sysfs/procfs tree). The GPIO pins are the agent's own, on Pi4J's mock platform. {@link #agentArgs} tells the agent
 * where each one is.
 */
final class DemoDevices {
    /** One simulated lamp hour per real minute, so lamp hours move during a demo. */
    private static final long MILLIS_PER_LAMP_HOUR = 60_000;
    /** The demo camera's login; a real camera's comes from the school's configuration. */
    private static final String CAMERA_USER = "admin";
    private static final String CAMERA_PASSWORD = "demo-camera";

    private final ProjectorSimulator projector;
    private final CameraSimulator camera;
    private final TerminalSimulator terminal;
    private final HostSimulator host;
    private final Path hostRoot;

    DemoDevices(Vertx vertx, Demo.Ports ports, Path dataDir) {
        projector = new ProjectorSimulator(vertx, new ProjectorSimConfig(ports.projector(), null, 3000, 3000, 1200,
                MILLIS_PER_LAMP_HOUR));
        camera = new CameraSimulator(vertx, new CameraSimConfig("127.0.0.1", ports.camera(), ports.cameraRtsp(), 0,
                CAMERA_USER, CAMERA_PASSWORD, Fault.NONE, 3000, 0));
        terminal = new TerminalSimulator(vertx, new TerminalSimConfig(TerminalSimConfig.Kind.STARLINK, "127.0.0.1",
                ports.terminal(), "public", Fault.NONE, 3000, 0));
        hostRoot = dataDir.resolve("host-root");
        host = new HostSimulator(vertx, new HostSimConfig(hostRoot, 52.0, false, 0, Fault.NONE, 2000));
    }

    Future<Void> start() {
        return projector.start()
                .compose(v -> camera.start())
                .compose(v -> terminal.start())
                .compose(v -> host.start());
    }

    Future<Void> stop() {
        return host.stop()
                .eventually(terminal::stop)
                .eventually(camera::stop)
                .eventually(projector::stop);
    }

    ProjectorSimulator projector() {
        return projector;
    }

    HostSimulator host() {
        return host;
    }

    /**
     * The agent's device keys: every device at its default poll rate, but the projector at the demo's faster one.
     * The dish's link prober measures the satellite link at {@code probeTarget}, a URL across the simulated link (a
     * TCP connect alone would be answered by the link simulator's own socket, on this side of the delay).
     */
    List<String> agentArgs(Demo.Ports ports, int projectorPollMillis, Path agentData, String probeTarget) {
        return List.of(
                "--devices=projector,camera,terminal,host,gpio",
                "--devices.projector.host=127.0.0.1",
                "--devices.projector.port=" + ports.projector(),
                "--devices.projector.pollMillis=" + projectorPollMillis,
                "--devices.camera.type=onvif",
                "--devices.camera.host=127.0.0.1",
                "--devices.camera.port=" + camera.port(),
                "--devices.camera.username=" + CAMERA_USER,
                "--devices.camera.password=" + CAMERA_PASSWORD,
                "--devices.camera.rtspUri=" + camera.streamUri(),
                "--devices.terminal.type=starlink",
                "--devices.terminal.host=127.0.0.1",
                "--devices.terminal.port=" + terminal.port(),
                "--devices.terminal.probeTargets=" + probeTarget,
                "--devices.host.root=" + hostRoot,
                "--devices.host.dataDir=" + agentData,
                "--devices.gpio.type=gpio",
                "--devices.gpio.platform=mock",
                "--devices.gpio.stateDir=" + agentData);
    }

    /** Lines for the demo's topology printout. */
    List<String> describe(Demo.Ports ports) {
        return List.of(
                "  projector (PJLink) 127.0.0.1:" + ports.projector() + "   (control: simulator projector --help)",
                "  camera (ONVIF)     " + camera.deviceServiceUri() + ", stream " + camera.streamUri()
                        + " (" + CAMERA_USER + "/" + CAMERA_PASSWORD + "), control http://127.0.0.1:"
                        + camera.controlPort(),
                "  dish (Starlink)    http://127.0.0.1:" + terminal.port() + ", control http://127.0.0.1:"
                        + terminal.controlPort() + "   (try: curl -X POST '.../obstruct?fraction=0.3')",
                "  host health        fake Pi tree " + hostRoot + ", control http://127.0.0.1:" + host.controlPort()
                        + "   (try: curl -X POST '.../temperature?celsius=85')",
                "  GPIO               Pi4J mock platform in the agent: relays projector, screen; help button; LED");
    }
}
