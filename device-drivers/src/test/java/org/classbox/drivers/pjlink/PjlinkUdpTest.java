package org.classbox.drivers.pjlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Discovery and notifications over loopback UDP against a raw socket playing the projector. */
@ExtendWith(TestGuard.class)
class PjlinkUdpTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void discovery_collects_each_ack_once_and_ignores_garbage() throws Exception {
        try (DatagramSocket projector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerSearches(projector), "raw-projector");
            answering.setDaemon(true);
            answering.start();
            PjlinkDiscovery discovery = new PjlinkDiscovery(vertx, new PjlinkDiscovery.Config("127.0.0.1",
                    projector.getLocalPort(), FreePorts.tcp(), Duration.ofMillis(700)));

            List<PjlinkDiscovery.Found> found = discovery.search().await(5, TimeUnit.SECONDS);

            assertEquals(List.of(new PjlinkDiscovery.Found("127.0.0.1", "00:1A:2B:3C:4D:5E")), found);
        }
    }

    @Test
    void notifications_reach_the_listener_and_garbage_is_counted_and_dropped() throws Exception {
        List<PjlinkDatagrams.Notification> heard = new CopyOnWriteArrayList<>();
        PjlinkNotifications notifications = new PjlinkNotifications(vertx, "127.0.0.1", FreePorts.tcp(), heard::add);
        notifications.start().await(5, TimeUnit.SECONDS);
        try (DatagramSocket projector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (String line : List.of("%2LKUP=00:1a:2b:3c:4d:5e\r", "garbage\r", "%1POWR=1\r", "x".repeat(10_240),
                    "%1ERST=002000\r")) {
                send(projector, line, notifications.port());
            }
            Await.until(Duration.ofSeconds(5), "three notifications", () -> heard.size() == 3);
            assertEquals(List.of("LKUP", "POWR", "ERST"), heard.stream().map(PjlinkDatagrams.Notification::command)
                    .toList());
            Await.until(Duration.ofSeconds(5), "two rejected", () -> notifications.rejected() == 2);
        }
        notifications.stop().await(5, TimeUnit.SECONDS);
    }

    /** Answers every search twice (some projectors repeat) after a line of garbage. */
    private static void answerSearches(DatagramSocket socket) {
        byte[] buffer = new byte[256];
        try {
            while (!socket.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                if (new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII)
                        .equals("%2SRCH\r")) {
                    for (String line : List.of("\u0007junk\r", "%2ACKN=00:1a:2b:3c:4d:5e\r",
                            "%2ACKN=00:1a:2b:3c:4d:5e\r")) {
                        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
                        socket.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
                    }
                }
            }
        } catch (java.io.IOException closed) {
            // the test is over
        }
    }

    private static void send(DatagramSocket socket, String line, int port) throws Exception {
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    }
}
