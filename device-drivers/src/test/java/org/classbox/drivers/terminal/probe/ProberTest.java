package org.classbox.drivers.terminal.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.NetServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.classbox.settings.ConfigException;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The prober against loopback TCP and HTTP servers that the test slows down, stops and silences. */
@ExtendWith(TestGuard.class)
class ProberTest {
    private final Vertx vertx = Vertx.vertx();
    private final AtomicLong httpDelayMillis = new AtomicLong();
    private final AtomicInteger heads = new AtomicInteger();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void times_tcp_connects_with_no_loss_while_the_server_listens() throws Exception {
        int port = tcpServer().actualPort();
        ProbeResult result = poll(List.of("tcp://127.0.0.1:" + port), 4, 2000);

        assertEquals(new ProbeResult(result.rttMillis(), 0.0, 4, 4), result);
        assertTrue(result.rttMillis() >= 0 && result.rttMillis() < 1000, "rtt " + result.rttMillis());
    }

    @Test
    void counts_a_stopped_server_as_total_loss_without_waiting_for_the_timeout() throws Exception {
        NetServer server = tcpServer();
        int port = server.actualPort();
        server.close().await(5, TimeUnit.SECONDS);
        long start = System.nanoTime();

        ProbeResult result = poll(List.of("tcp://127.0.0.1:" + port), 3, 5000);

        assertEquals(100.0, result.lossPercent());
        assertTrue(Double.isNaN(result.rttMillis()) && !result.anyAnswered());
        assertTrue((System.nanoTime() - start) / 1e6 < 4000, "a refused connect fails at once");
    }

    @Test
    void times_http_head_requests_including_a_slow_server_s_delay() throws Exception {
        httpDelayMillis.set(250);
        int port = httpServer().actualPort();

        ProbeResult result = poll(List.of("http://127.0.0.1:" + port + "/generate_204"), 2, 3000);

        assertEquals(0.0, result.lossPercent());
        assertTrue(result.rttMillis() >= 250, "rtt " + result.rttMillis() + " includes the 250 ms delay");
        assertEquals(2, heads.get());
    }

    @Test
    void an_answer_later_than_the_timeout_counts_as_loss_and_the_poll_ends_at_the_timeout() throws Exception {
        httpDelayMillis.set(3000);
        int port = httpServer().actualPort();
        long start = System.nanoTime();

        ProbeResult result = poll(List.of("http://127.0.0.1:" + port + "/"), 2, 300);

        assertEquals(100.0, result.lossPercent());
        assertTrue((System.nanoTime() - start) / 1e6 < 2500, "the poll waits no longer than its timeout");
    }

    @Test
    void loss_is_the_share_of_all_probes_over_all_targets() throws Exception {
        int up = tcpServer().actualPort();
        int down = FreePorts.tcp();

        ProbeResult result = poll(List.of("tcp://127.0.0.1:" + up, "tcp://127.0.0.1:" + down), 3, 2000);

        assertEquals(new ProbeResult(result.rttMillis(), 50.0, 6, 3), result);
    }

    @Test
    void median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertEquals(new ProbeResult(25.0, 20.0, 5, 4), Prober.summary(new double[] {40, 10, 30, 20}, 5));
        assertEquals(new ProbeResult(30.0, 0.0, 3, 3), Prober.summary(new double[] {90, 30, 10}, 3));
    }

    @Test
    void targets_are_parsed_strictly_with_errors_naming_the_key() {
        assertEquals(List.of(new ProbeTarget(ProbeTarget.Kind.TCP, "1.1.1.1", 443, ""),
                        new ProbeTarget(ProbeTarget.Kind.HTTP, "example.org", 80, "/ok?x=1")),
                ProbeTarget.parseList("devices.sat.probeTargets", "tcp://1.1.1.1:443, http://example.org:80/ok?x=1"));
        for (String bad : List.of("", "tcp://host", "udp://host:53", "http://host:99999/", "tcp://host:80/path",
                "not a url")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ProbeTarget.parseList("devices.sat.probeTargets", bad), bad);
            assertTrue(e.getMessage().startsWith("devices.sat.probeTargets "), e.getMessage());
        }
    }

    private ProbeResult poll(List<String> targets, int attempts, int timeoutMillis) throws Exception {
        Prober prober = new Prober(vertx, ProbeTarget.parseList("probeTargets", String.join(",", targets)), attempts,
                timeoutMillis);
        try {
            return prober.poll().await(20, TimeUnit.SECONDS);
        } finally {
            prober.close().await(5, TimeUnit.SECONDS);
        }
    }

    private NetServer tcpServer() throws Exception {
        NetServer server = vertx.createNetServer();
        server.connectHandler(socket -> socket.handler(data -> { }));
        return server.listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    }

    private HttpServer httpServer() throws Exception {
        HttpServer server = vertx.createHttpServer();
        server.requestHandler(request -> {
            heads.incrementAndGet();
            vertx.setTimer(Math.max(1, httpDelayMillis.get()), id -> {
                if (!request.response().closed()) {
                    request.response().setStatusCode(204).end();
                }
            });
        });
        return server.listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    }
}
