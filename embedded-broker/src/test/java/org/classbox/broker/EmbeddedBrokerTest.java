package org.classbox.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class EmbeddedBrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;
    private Vertx vertx;
    private EmbeddedBroker broker;

    @BeforeEach
    void start_vertx_and_broker_in_one_jvm() throws Exception {
        vertx = Vertx.vertx();
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dataDir));
        await(broker.start());
    }

    @AfterEach
    void stop_everything() throws Exception {
        await(broker.stop());
        await(vertx.close());
    }

    @Test
    void delivers_a_qos1_message_to_a_subscriber() throws Exception {
        try (PahoClient subscriber = PahoClient.connect(broker.uri(), "subscriber").subscribe("classbox/test", 1);
             PahoClient publisher = PahoClient.connect(broker.uri(), "publisher")) {
            publisher.publish("classbox/test", "hello", 1, false);

            PahoClient.Received message = subscriber.next(WAIT);
            assertNotNull(message, "no message arrived");
            assertEquals(new PahoClient.Received("classbox/test", "hello", 1, false), message);
        }
    }

    @Test
    void vertx_net_client_talks_mqtt_to_the_broker_on_the_same_netty() throws Exception {
        NetClient client = vertx.createNetClient();
        Buffer connect = Buffer.buffer(new byte[] {
            0x10, 0x0E,                     // CONNECT, remaining length 14
            0x00, 0x04, 'M', 'Q', 'T', 'T', // protocol name
            0x04,                           // protocol level: MQTT 3.1.1
            0x02,                           // flags: clean session
            0x00, 0x3C,                     // keep alive 60 s
            0x00, 0x02, 'v', 'x',           // client id "vx"
        });
        Buffer reply = Buffer.buffer();
        NetSocket socket = await(client.connect(broker.config().port(), broker.config().host()));
        socket.handler(reply::appendBuffer);
        await(socket.write(connect));

        Await.until(WAIT, "CONNACK", () -> reply.length() >= 4);
        // CONNACK, remaining length 2, no session present, return code 0 (accepted)
        assertEquals(Buffer.buffer(new byte[] {0x20, 0x02, 0x00, 0x00}), reply.slice(0, 4));
        await(socket.close());
        await(client.close());
    }

    @Test
    void retained_message_survives_a_restart() throws Exception {
        try (PahoClient publisher = PahoClient.connect(broker.uri(), "publisher")) {
            publisher.publish("classbox/STATE/console", "ONLINE", 1, true);
        }
        await(broker.stop());
        assertFalse(broker.isRunning());
        await(broker.start());

        try (PahoClient late = PahoClient.connect(broker.uri(), "late").subscribe("classbox/STATE/+", 1)) {
            PahoClient.Received message = late.next(WAIT);
            assertNotNull(message, "retained message lost across restart");
            assertEquals("ONLINE", message.payload());
            assertTrue(message.retained());
        }
    }

    @Test
    void stop_frees_the_port() throws Exception {
        await(broker.stop());

        try (ServerSocket again = new ServerSocket(broker.config().port(), 1, InetAddress.getLoopbackAddress())) {
            assertEquals(broker.config().port(), again.getLocalPort());
        }
    }

    @Test
    void refuses_to_start_twice() {
        Future<Void> second = broker.start();
        assertTrue(second.failed());
        assertTrue(second.cause().getMessage().contains("already started"), second.cause().getMessage());
    }

    @Test
    void fails_to_start_when_the_port_is_taken() throws Exception {
        TestGuard.expectErrors("Could not start TCP Listener");
        TestGuard.expectErrors("Could not bind any listener");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedBroker other = new EmbeddedBroker(vertx,
                    BrokerConfig.loopback(taken.getLocalPort(), dataDir.resolve("other")));
            Throwable failure = awaitFailure(other.start());
            assertTrue(failure.getMessage().startsWith("MQTT broker at tcp://127.0.0.1:" + taken.getLocalPort()
                    + " did not start"), failure.getMessage());
            assertFalse(other.isRunning());
        }
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.await(30, TimeUnit.SECONDS);
    }

    static Throwable awaitFailure(Future<?> future) {
        Await.until(Duration.ofSeconds(30), "the future to complete", future::isComplete);
        assertTrue(future.failed(), "expected a failure, but it succeeded");
        return future.cause();
    }
}
