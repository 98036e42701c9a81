package org.classbox.sim.camera;

import io.vertx.core.Vertx;
import java.util.List;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.sim.Foreground;

/**
 * {@code simulator camera [--port 8080] [--rtsp-port 8554] [--discovery-port 3702] [--username admin]
 * [--password admin] [--fault none] [--slowMillis 3000] [--control-port 0] [--host 127.0.0.1]}: runs a simulated
 * ONVIF camera until Ctrl-C. Exit code 2: bad arguments; 1: it did not start.
 */
public final class CameraCommand {
    static final String USAGE = "usage: simulator camera [--port 8080] [--rtsp-port 8554] [--discovery-port 3702]"
            + " [--username admin] [--password admin]\n"
            + "                        [--fault none|refuse|hang|garbage|wrong-password|slow] [--slowMillis 3000]"
            + " [--control-port 0] [--host 127.0.0.1]\n"
            + "  ONVIF device and media services at http://HOST:PORT/onvif/{device,media}_service, a JPEG at\n"
            + "  /snapshot.jpg (Digest), RTSP OPTIONS/DESCRIBE at rtsp://HOST:RTSP-PORT/Streaming/Channels/101,\n"
            + "  WS-Discovery on UDP DISCOVERY-PORT. Control: PUT /fault?set=F, POST /stream/stop, /stream/start,\n"
            + "  /clock?offsetSeconds=N. An empty --username turns authentication off. --host 0.0.0.0 also answers\n"
            + "  multicast Probes to 239.255.255.250 on the first LAN interface.";

    private CameraCommand() {
    }

    public static int run(String[] args) {
        CameraSimConfig config;
        try {
            if (List.of(args).contains("--help")) {
                System.out.println(USAGE);
                return 0;
            }
            config = CameraSimConfig.from(Settings.load(args, System.getenv()));
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage() + "\n" + USAGE);
            return ConfigException.EXIT_CODE;
        }
        Vertx vertx = Vertx.vertx();
        CameraSimulator camera = new CameraSimulator(vertx, config);
        return Foreground.run("camera", vertx, camera::start, camera::stop, () ->
                System.out.println("camera: ONVIF at " + camera.deviceServiceUri() + ", RTSP at "
                        + camera.streamUri() + ", WS-Discovery on udp " + config.host() + ":"
                        + camera.discoveryPort() + ", control at http://127.0.0.1:" + camera.controlPort()
                        + " (fault " + config.fault().flagName() + ")"));
    }
}
