package org.classbox.sim.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client no one here wrote (socat, Debian package {@code socat}) talks to the simulator byte for byte: the TCP
 * greeting and a query, and the Class 2 UDP search. Fails, never skips, when socat is missing.
 */
@ExtendWith(TestGuard.class)
class ProjectorSocatTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void socat_reads_the_greeting_and_a_power_reply_and_gets_an_ack_to_a_udp_search() throws Exception {
        ProjectorSimulator projector = new ProjectorSimulator(vertx, new ProjectorSimConfig(0, null, 0, 0, 1200,
                3_600_000).playing(ProjectorModel.LAMP.withClass(2)));
        projector.start().await(5, TimeUnit.SECONDS);

        // PJLINK 0: no authentication; %1POWR=0: standby; %1CLSS=2: Class 2
        assertEquals("PJLINK 0\r%1POWR=0\r%1CLSS=2\r", socat("%1POWR ?\r%1CLSS ?\r",
                "TCP:127.0.0.1:" + projector.port()));
        // %2ACKN=<MAC>: the answer to a search, sent back to the port it came from
        assertEquals("%2ACKN=" + projector.mac() + "\r", socat("%2SRCH\r", "UDP:127.0.0.1:" + projector.port()));

        projector.stop().await(5, TimeUnit.SECONDS);
    }

    /** Sends {@code input} with socat to {@code address} and returns all it printed before the peer went quiet. */
    private static String socat(String input, String address) throws IOException, InterruptedException {
        Process socat = new ProcessBuilder(List.of("socat", "-t", "1", "-", address)).redirectErrorStream(true)
                .start();
        socat.getOutputStream().write(input.getBytes(StandardCharsets.US_ASCII));
        socat.getOutputStream().close();
        assertTrue(socat.waitFor(10, TimeUnit.SECONDS), "socat did not finish");
        return new String(socat.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
