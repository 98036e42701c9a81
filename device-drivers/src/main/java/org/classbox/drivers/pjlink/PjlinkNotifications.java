package org.classbox.drivers.pjlink;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.classbox.drivers.api.DeviceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for the status notifications PJLink Class 2 projectors send by UDP (port 4352): {@code %2LKUP=<MAC>} when
 * one becomes reachable, {@code %1POWR=}, {@code %1ERST=}, {@code %1INPT=}/{@code %2INPT=}, {@code %1AVMT=} when its
 * state changes. Each valid one is handed to the listener on this component's event loop; anything else is counted
 * and dropped, since any host on the LAN can send to the port.
 */
public final class PjlinkNotifications {
    private static final Logger log = LoggerFactory.getLogger(PjlinkNotifications.class);

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final Consumer<PjlinkDatagrams.Notification> listener;
    private final AtomicLong rejected = new AtomicLong();
    private DatagramSocket socket;

    /**
     * @param host the address to listen on, {@code 0.0.0.0} for all
     * @param port 4352 by the spec
     */
    public PjlinkNotifications(Vertx vertx, String host, int port, Consumer<PjlinkDatagrams.Notification> listener) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("PJLink notification port must be in [1, 65535], but was " + port);
        }
        this.vertx = vertx;
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public Future<Void> start() {
        socket = vertx.createDatagramSocket();
        socket.handler(this::arrived);
        return socket.listen(port, host)
                .recover(e -> Future.failedFuture(new DeviceException(DeviceException.Kind.UNREACHABLE,
                        "PJLink notifications on " + host + ":" + port, "cannot listen: " + e.getMessage(), e)))
                .mapEmpty();
    }

    public Future<Void> stop() {
        return socket == null ? Future.succeededFuture() : socket.close();
    }

    /** The port it listens on, once started (useful when started on a free port). */
    public int port() {
        return socket.localAddress().port();
    }

    /** Datagrams dropped as not being notifications. */
    public long rejected() {
        return rejected.get();
    }

    private void arrived(DatagramPacket packet) {
        String sender = packet.sender().host();
        try {
            listener.accept(PjlinkDatagrams.parseNotification(sender, packet.data().getBytes()));
        } catch (DeviceException e) {
            rejected.incrementAndGet();
            log.debug("dropped a datagram on PJLink notification port {}: {}", port, e.getMessage());
        }
    }
}
