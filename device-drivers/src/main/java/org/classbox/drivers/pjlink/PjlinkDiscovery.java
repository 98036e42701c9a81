package org.classbox.drivers.pjlink;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.classbox.drivers.api.DeviceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds PJLink Class 2 projectors: sends {@code %2SRCH} to a broadcast address (UDP 4352) and collects the
 * {@code %2ACKN=<MAC>} answers that arrive within a window. Projectors answer to port 4352 of the searcher (some to
 * the port the search came from), so the search is sent from the socket that listens on {@code listenPort}. Runs on
 * the Vert.x event loop; the socket is closed when the window ends.
 */
public final class PjlinkDiscovery {
    private static final Logger log = LoggerFactory.getLogger(PjlinkDiscovery.class);

    private final Vertx vertx;
    private final Config config;

    /**
     * @param address    where the search goes: a broadcast address such as {@code 255.255.255.255}, or one host
     * @param port       the projectors' UDP port, 4352 by the spec
     * @param listenPort where answers arrive, 4352 by the spec
     * @param window     how long answers are collected, 100 ms to 60 s
     */
    public record Config(String address, int port, int listenPort, Duration window) {
        public Config {
            if (address == null || address.isBlank()) {
                throw new IllegalArgumentException("PJLink discovery address must not be empty");
            }
            if (port < 1 || port > 65535 || listenPort < 1 || listenPort > 65535) {
                throw new IllegalArgumentException("PJLink discovery port and listenPort must be in [1, 65535], but"
                        + " were " + port + " and " + listenPort);
            }
            if (window == null || window.toMillis() < 100 || window.toMillis() > 60_000) {
                throw new IllegalArgumentException("PJLink discovery window must be in [100, 60000] ms, but was "
                        + window);
            }
        }

        /** The spec's ports, a 2 s window, the limited broadcast address. */
        public static Config defaults() {
            return new Config("255.255.255.255", 4352, 4352, Duration.ofSeconds(2));
        }
    }

    /** One projector that answered: its IP address and its MAC address in upper case. */
    public record Found(String address, String mac) {
    }

    public PjlinkDiscovery(Vertx vertx, Config config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** Searches once; the future completes after the window with every distinct answer, in order of arrival. */
    public Future<List<Found>> search() {
        DatagramSocket socket = vertx.createDatagramSocket(new DatagramSocketOptions().setBroadcast(true));
        Set<Found> found = new LinkedHashSet<>();
        socket.handler(packet -> answer(packet, found));
        String where = "PJLink search to " + config.address() + ":" + config.port();
        return socket.listen(config.listenPort(), "0.0.0.0")
                .compose(s -> s.send(Buffer.buffer(PjlinkDatagrams.SEARCH), config.port(), config.address()))
                .compose(v -> {
                    Promise<List<Found>> done = Promise.promise();
                    vertx.setTimer(config.window().toMillis(), id -> socket.close()
                            .onComplete(closed -> done.complete(new ArrayList<>(found))));
                    return done.future();
                }, e -> socket.close().transform(closed -> Future.failedFuture(new DeviceException(
                        DeviceException.Kind.UNREACHABLE, where, "cannot search from UDP port " + config.listenPort()
                        + ": " + e.getMessage(), e))));
    }

    private void answer(DatagramPacket packet, Set<Found> found) {
        String sender = packet.sender().host();
        byte[] bytes = packet.data().getBytes();
        if (PjlinkDatagrams.isSearch(bytes)) {
            return; // our own broadcast, looped back
        }
        try {
            found.add(new Found(sender, PjlinkDatagrams.parseAck("projector at " + sender, bytes)));
        } catch (DeviceException e) {
            log.debug("ignoring a datagram during PJLink search: {}", e.getMessage());
        }
    }
}
