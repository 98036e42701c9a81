package org.classbox.broker;

import static org.classbox.broker.EmbeddedBrokerTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Third-party clients (Debian's mosquitto-clients, which CI installs) talk to the embedded broker. */
@ExtendWith(TestGuard.class)
class MosquittoClientsTest {
    private static final Path MOSQUITTO_PUB = Path.of("/usr/bin/mosquitto_pub");
    private static final Path MOSQUITTO_SUB = Path.of("/usr/bin/mosquitto_sub");

    @TempDir
    Path dataDir;
    private Vertx vertx;
    private EmbeddedBroker broker;

    @BeforeEach
    void start_broker() throws Exception {
        assertTrue(Files.isExecutable(MOSQUITTO_PUB) && Files.isExecutable(MOSQUITTO_SUB),
                "mosquitto-clients is not installed");
        vertx = Vertx.vertx();
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dataDir));
        await(broker.start());
    }

    @AfterEach
    void stop_broker() throws Exception {
        if (broker != null) {
            await(broker.stop());
        }
        if (vertx != null) {
            await(vertx.close());
        }
    }

    @Test
    void mosquitto_pub_reaches_a_paho_subscriber_and_mosquitto_sub() throws Exception {
        String port = Integer.toString(broker.config().port());
        try (PahoClient subscriber = PahoClient.connect(broker.uri(), "paho").subscribe("classbox/interop", 1)) {
            String published = run(MOSQUITTO_PUB.toString(), "-h", "127.0.0.1", "-p", port, "-V", "mqttv5",
                    "-q", "1", "-r", "-t", "classbox/interop", "-m", "from-mosquitto");
            assertEquals("", published);

            PahoClient.Received message = subscriber.next(Duration.ofSeconds(20));
            assertNotNull(message, "Paho never received the message mosquitto_pub sent");
            assertEquals("from-mosquitto", message.payload());
        }
        // The message was retained, so a subscriber arriving now gets it at once.
        String received = run(MOSQUITTO_SUB.toString(), "-h", "127.0.0.1", "-p", port, "-V", "mqttv5",
                "-t", "classbox/interop", "-C", "1", "-W", "20");
        assertEquals("from-mosquitto", received.strip());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(String.join(" ", command) + " did not finish within 30 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), String.join(" ", command) + " failed: " + output);
            return output;
        } finally {
            process.destroyForcibly();
        }
    }
}
