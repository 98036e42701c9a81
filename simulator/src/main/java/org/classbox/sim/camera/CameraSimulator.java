package org.classbox.sim.camera;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import java.net.NetworkInterface;
import java.time.Duration;
import java.time.Instant;
import org.classbox.drivers.camera.onvif.WsDiscovery;
import org.classbox.sim.faults.ControlServer;
import org.classbox.sim.faults.FaultSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated ONVIF camera: HTTP (ONVIF services and snapshot), RTSP and WS-Discovery on the configured ports,
 * plus a control API with {@code /fault}, {@code POST /stream/stop}, {@code POST /stream/start} and
 * {@code POST /clock?offsetSeconds=N} (the camera's clock runs N seconds ahead of ours).
 */
public final class CameraSimulator {
    private static final Logger log = LoggerFactory.getLogger(CameraSimulator.class);
    private final Vertx vertx;
    private final CameraSimConfig config;
    private final FaultSwitch faults = new FaultSwitch();
    private volatile boolean streaming = true;
    private volatile long clockOffsetSeconds;
    private HttpServer http;
    private NetServer rtsp;
    private DatagramSocket discovery;
    private ControlServer control;
    private NetworkInterface lan;

    public CameraSimulator(Vertx vertx, CameraSimConfig config) {
        this.vertx = vertx;
        this.config = config;
        faults.set(config.fault()).slowMillis(config.slowMillis());
    }

    public Future<Void> start() {
        lan = config.host().equals("0.0.0.0") ? LanInterface.find() : null;
        FaultPlay play = new FaultPlay(vertx, faults);
        OnvifService onvif = new OnvifService(config, play, this::cameraTime, SnapshotPicture.draw(Instant.now()));
        RtspService rtspService = new RtspService(config, play, () -> streaming);
        http = vertx.createHttpServer().requestHandler(onvif::handle);
        rtsp = vertx.createNetServer().connectHandler(rtspService::connect);
        // shared with other WS-Discovery listeners on the host, as port 3702 usually is
        discovery = vertx.createDatagramSocket(new DatagramSocketOptions().setReuseAddress(true));
        control = new ControlServer(vertx, "127.0.0.1", config.controlPort(), faults)
                .action("/stream/stop", r -> stream(false))
                .action("/stream/start", r -> stream(true))
                .action("/clock", r -> clock(r.getParam("offsetSeconds")));
        return http.listen(config.port(), config.host())
                .compose(h -> rtsp.listen(config.rtspPort(), config.host()))
                .compose(r -> discovery.listen(config.discoveryPort(), config.host()))
                .compose(this::joinMulticast)
                .map(d -> {
                    DiscoveryService responder = new DiscoveryService(play, deviceServiceUri());
                    d.handler(packet -> responder.receive(d, packet));
                    return d;
                })
                .compose(d -> control.start()).mapEmpty();
    }

    /**
     * Bound to all interfaces, the camera also hears multicast Probes as a real one does; bound to one address
     * (loopback in tests) it answers unicast Probes only. A host without multicast still serves unicast.
     */
    private Future<DatagramSocket> joinMulticast(DatagramSocket socket) {
        if (!config.host().equals("0.0.0.0")) {
            return Future.succeededFuture(socket);
        }
        String nic = lan == null ? null : lan.getName();
        return socket.listenMulticastGroup(WsDiscovery.MULTICAST_ADDRESS, nic, null).map(socket).recover(e -> {
            log.warn("camera: cannot join {} ({}); answering unicast Probes only", WsDiscovery.MULTICAST_ADDRESS,
                    e.getMessage());
            return Future.succeededFuture(socket);
        });
    }

    public Future<Void> stop() {
        return Future.join(http == null ? Future.succeededFuture() : http.close(),
                rtsp == null ? Future.succeededFuture() : rtsp.close(),
                discovery == null ? Future.succeededFuture() : discovery.close(),
                control == null ? Future.succeededFuture() : control.stop()).mapEmpty();
    }

    public FaultSwitch faults() {
        return faults;
    }

    public int port() {
        return http.actualPort();
    }

    public int rtspPort() {
        return rtsp.actualPort();
    }

    public int discoveryPort() {
        return discovery.localAddress().port();
    }

    public int controlPort() {
        return control.port();
    }

    public String deviceServiceUri() {
        return "http://" + advertisedHost() + ":" + port() + "/onvif/device_service";
    }

    public String streamUri() {
        return "rtsp://" + advertisedHost() + ":" + rtspPort() + "/Streaming/Channels/101";
    }

    /** The address clients can use: the LAN address when bound to all interfaces. */
    private String advertisedHost() {
        String address = lan == null ? null : LanInterface.ipv4(lan);
        return address != null ? address : config.host();
    }

    private Instant cameraTime() {
        return Instant.now().plus(Duration.ofSeconds(clockOffsetSeconds));
    }

    private JsonObject stream(boolean on) {
        streaming = on;
        return new JsonObject().put("streaming", on);
    }

    private JsonObject clock(String offset) {
        try {
            clockOffsetSeconds = Long.parseLong(offset);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("offsetSeconds must be a whole number of seconds, got '" + offset
                    + "'");
        }
        return new JsonObject().put("offsetSeconds", clockOffsetSeconds);
    }
}
