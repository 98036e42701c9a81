package org.classbox.drivers.camera.onvif;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.classbox.drivers.api.DeviceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds ONVIF cameras with a WS-Discovery Probe (SOAP-over-UDP) for {@code dn:NetworkVideoTransmitter}, sent to
 * 239.255.255.250:3702 on a classroom LAN, or to any address and port (tests probe a simulator on loopback), and
 * collects the ProbeMatches that arrive within a window. Answers that are not ours or not XML are logged and skipped.
 */
public final class WsDiscovery {
    public static final String MULTICAST_ADDRESS = "239.255.255.250";
    public static final int PORT = 3702;
    private static final Logger log = LoggerFactory.getLogger(WsDiscovery.class);

    private final Vertx vertx;

    public WsDiscovery(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Probes {@code address:port} once and returns the cameras that answered within {@code window}. */
    public Future<List<DiscoveredCamera>> probe(String address, int port, Duration window) {
        String messageId = UUID.randomUUID().toString();
        // the socket and the timer may run on different event loops when called from outside Vert.x
        List<DiscoveredCamera> found = Collections.synchronizedList(new ArrayList<>());
        DatagramSocket socket = vertx.createDatagramSocket(new DatagramSocketOptions());
        socket.handler(packet -> {
            String from = packet.sender().host() + ":" + packet.sender().port();
            try {
                found.addAll(ProbeMatches.parse(from, messageId, packet.data().getBytes()));
            } catch (DeviceException e) {
                log.info("skipping an answer to our WS-Discovery Probe: {}", e.getMessage());
            }
        });
        Promise<List<DiscoveredCamera>> result = Promise.promise();
        socket.listen(0, "0.0.0.0")
                .compose(s -> s.send(Buffer.buffer(SoapRequests.probe(messageId)), port, address))
                .onFailure(e -> socket.close().onComplete(c -> result.fail(new DeviceException(
                        DeviceException.Kind.UNREACHABLE, "WS-Discovery to " + address + ":" + port,
                        "cannot send the Probe (" + e.getMessage() + ")", e))))
                .onSuccess(v -> vertx.setTimer(Math.max(1, window.toMillis()), t -> socket.close()
                        .onComplete(c -> result.complete(List.copyOf(found)))));
        return result.future();
    }
}
