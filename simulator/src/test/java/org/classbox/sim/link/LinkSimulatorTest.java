package org.classbox.sim.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class LinkSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final LinkProfile NO_EFFECTS = new LinkProfile("test", 0, 0, 0, 0, OutagePlan.none(), 1.0);

    private Vertx vertx;
    private LinkSimulator link;

    @BeforeEach
    void start_vertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop_everything() throws Exception {
        if (link != null) {
            await(link.stop());
        }
        await(vertx.close());
    }

    @Test
    void passes_bytes_unchanged_both_ways_and_counts_them() throws Exception {
        givenLinkTo(Peers.echo(vertx), NO_EFFECTS);
        byte[] sent = new byte[200_000];
        new Random(7).nextBytes(sent);

        try (Socket socket = Peers.connect(link.port())) {
            CompletableFuture<Void> writing = writeInBackground(socket, sent);
            byte[] received = Peers.readExactly(socket, sent.length);
            writing.get(10, TimeUnit.SECONDS);
            assertArrayEquals(sent, received);
        }
        // The counters move on the link's context once a chunk's write completes, a moment after the peer read it.
        Await.until(Duration.ofSeconds(10), "both directions counted",
                () -> link.bytesUp() == sent.length && link.bytesDown() == sent.length);
        assertEquals(sent.length, link.bytesUp());
        assertEquals(sent.length, link.bytesDown());
        assertEquals(1, link.connectionsAccepted());
    }

    @Test
    void delivers_what_the_box_sent_before_it_closed() throws Exception {
        Buffer arrived = Buffer.buffer();
        givenLinkTo(Peers.recording(vertx, arrived), profile(0, 0, 200));

        try (Socket socket = Peers.connect(link.port())) {
            socket.getOutputStream().write("DISCONNECT".getBytes(StandardCharsets.US_ASCII));
        }

        Await.until(WAIT, "the last bytes to cross the link", () -> {
            synchronized (arrived) {
                return arrived.toString(StandardCharsets.US_ASCII).equals("DISCONNECT");
            }
        });
        Await.until(WAIT, "the connection to close", () -> link.openConnections() == 0);
    }

    @Test
    void adds_at_least_the_configured_delay_each_way() throws Exception {
        givenLinkTo(Peers.echo(vertx), profile(0, 0, 150).withJitter(30));

        try (Socket socket = Peers.connect(link.port())) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                socket.getOutputStream().write(i);
                Peers.readExactly(socket, 1);
                long roundTripMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(roundTripMillis >= 300, "round trip took only " + roundTripMillis + " ms");
            }
        }
    }

    @Test
    void uplink_bandwidth_limits_what_the_box_sends() throws Exception {
        givenLinkTo(Peers.echo(vertx), profile(80_000, 0, 0));
        byte[] sent = new byte[10_000]; // 80,000 bits: at least 1 s at 80 kbit/s

        try (Socket socket = Peers.connect(link.port())) {
            long start = System.nanoTime();
            socket.getOutputStream().write(sent);
            Peers.readExactly(socket, sent.length);
            assertAtLeastMillis(1000, start);
        }
    }

    @Test
    void downlink_bandwidth_limits_what_the_broker_sends() throws Exception {
        byte[] sent = new byte[10_000];
        givenLinkTo(Peers.sending(vertx, sent), profile(0, 80_000, 0));

        long start = System.nanoTime();
        try (Socket socket = Peers.connect(link.port())) {
            Peers.readExactly(socket, sent.length);
            assertAtLeastMillis(1000, start);
        }
    }

    @Test
    void connections_share_the_bandwidth_of_a_direction() throws Exception {
        givenLinkTo(Peers.echo(vertx), profile(80_000, 0, 0));
        byte[] sent = new byte[5_000]; // twice 40,000 bits: at least 1 s together at 80 kbit/s

        try (Socket first = Peers.connect(link.port()); Socket second = Peers.connect(link.port())) {
            long start = System.nanoTime();
            first.getOutputStream().write(sent);
            second.getOutputStream().write(sent);
            Peers.readExactly(first, sent.length);
            Peers.readExactly(second, sent.length);
            assertAtLeastMillis(1000, start);
        }
    }

    @Test
    void going_down_resets_open_connections_and_refuses_new_ones_until_it_comes_up() throws Exception {
        givenLinkTo(Peers.echo(vertx), NO_EFFECTS);
        List<Boolean> states = new CopyOnWriteArrayList<>();
        link.onStateChange(states::add);

        try (Socket open = Peers.connect(link.port())) {
            assertEchoes(open);
            await(link.goDown());
            assertFalse(link.isUp());
            assertTrue(Peers.closedByPeer(open, WAIT), "open connection survived the outage");
        }
        assertEquals(1, link.connectionsDropped());

        try (Socket refused = Peers.connect(link.port())) {
            assertTrue(Peers.closedByPeer(refused, WAIT), "a new connection was forwarded while the link was down");
        }
        assertEquals(1, link.connectionsRefused());

        await(link.comeUp());
        assertTrue(link.isUp());
        try (Socket again = Peers.connect(link.port())) {
            assertEchoes(again);
        }
        assertEquals(List.of(false, true), states);
    }

    @Test
    void periodic_outage_plan_on_a_fast_clock_takes_the_link_down_and_up() throws Exception {
        // Down 10 s every 20 s, first after 10 s; at 100x that is 100 ms down every 200 ms.
        givenLinkTo(Peers.echo(vertx), NO_EFFECTS.withOutages(OutagePlan.periodic(20, 10, 10)).withTimeScale(100));
        List<Boolean> states = new CopyOnWriteArrayList<>();
        link.onStateChange(states::add);

        Await.until(WAIT, "two outages and recoveries", () -> states.size() >= 4);
        assertEquals(List.of(false, true, false, true), states.subList(0, 4));
    }

    @Test
    void random_outage_plan_on_a_fast_clock_takes_the_link_down_and_up() throws Exception {
        givenLinkTo(Peers.echo(vertx), NO_EFFECTS.withOutages(OutagePlan.random(10, 5, 3)).withTimeScale(100));
        List<Boolean> states = new CopyOnWriteArrayList<>();
        link.onStateChange(states::add);

        Await.until(WAIT, "an outage and a recovery", () -> states.size() >= 2);
        assertEquals(List.of(false, true), states.subList(0, 2));
    }

    @Test
    void trace_drives_the_link_down_and_up_on_time_scaled() throws Exception {
        // At 4x: down at 0.5 s for 0.75 s, down again at 1.5 s for 0.5 s, then up for good.
        OutagePlan.Trace trace = OutageTraces.parse("test.trace", "up 2\ndown 3\nup 1\ndown 2\nup 5\n");
        List<Boolean> states = new CopyOnWriteArrayList<>();
        List<Long> atMillis = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        link = new LinkSimulator(vertx, NO_EFFECTS.withOutages(trace).withTimeScale(4), 0, "127.0.0.1",
                await(Peers.echo(vertx)).actualPort());
        link.onStateChange(up -> {
            states.add(up);
            atMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        });
        await(link.start());

        Await.until(WAIT, "the first outage", () -> !states.isEmpty());
        try (Socket refused = Peers.connect(link.port())) {
            assertTrue(Peers.closedByPeer(refused, WAIT), "a connection was forwarded during the trace's outage");
        }
        Await.until(WAIT, "both outages and recoveries", () -> states.size() >= 4);
        try (Socket again = Peers.connect(link.port())) {
            assertEchoes(again);
        }

        assertEquals(List.of(false, true, false, true), states);
        long[] expected = {500, 1250, 1500, 2000};
        for (int i = 0; i < expected.length; i++) {
            long at = atMillis.get(i);
            assertTrue(at >= expected[i] - 20 && at <= expected[i] + 1000,
                    "change " + i + " came at " + at + " ms, expected about " + expected[i] + " ms: " + atMillis);
        }
    }

    @Test
    void closes_the_box_connection_when_the_broker_is_unreachable() throws Exception {
        int nothingListens = FreePorts.tcp();
        link = new LinkSimulator(vertx, NO_EFFECTS, 0, "127.0.0.1", nothingListens);
        await(link.start());

        try (Socket socket = Peers.connect(link.port())) {
            assertTrue(Peers.closedByPeer(socket, WAIT), "box connection left open with no broker behind");
        }
    }

    @Test
    void stop_closes_connections_and_stops_listening() throws Exception {
        givenLinkTo(Peers.echo(vertx), NO_EFFECTS);
        int port = link.port();
        try (Socket open = Peers.connect(port)) {
            assertEchoes(open);
            await(link.stop());
            assertTrue(Peers.closedByPeer(open, WAIT), "connection survived stop");
        }
        assertThrows(ConnectException.class, () -> Peers.connect(port).close());
    }

    @Test
    void goes_down_only_once_started() {
        LinkSimulator notStarted = new LinkSimulator(vertx, NO_EFFECTS, 0, "127.0.0.1", 1883);
        assertTrue(notStarted.goDown().failed());
        assertThrows(IllegalStateException.class, notStarted::port);
    }

    private void givenLinkTo(Future<NetServer> target, LinkProfile profile) throws Exception {
        int targetPort = await(target).actualPort();
        link = new LinkSimulator(vertx, profile, 0, "127.0.0.1", targetPort);
        await(link.start());
    }

    private static LinkProfile profile(long uplinkBits, long downlinkBits, int delayMillis) {
        return new LinkProfile("test", uplinkBits, downlinkBits, delayMillis, 0, OutagePlan.none(), 1.0);
    }

    private static void assertEchoes(Socket socket) throws IOException {
        byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
        socket.getOutputStream().write(ping);
        assertArrayEquals(ping, Peers.readExactly(socket, ping.length));
    }

    private static void assertAtLeastMillis(long least, long startNanos) {
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        assertTrue(tookMillis >= least, "took only " + tookMillis + " ms, expected at least " + least);
    }

    private static CompletableFuture<Void> writeInBackground(Socket socket, byte[] data) {
        return CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(data);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.await(20, TimeUnit.SECONDS);
    }
}
