package org.classbox.console.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.console.config.MqttConfig;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.HandshakeBreaker;
import org.classbox.testing.TestGuard;
import org.classbox.tls.TlsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker address that takes the console's CONNECT and never answers (a link gone dark mid-handshake) must not
 * leave the console waiting forever: Paho would, so the connect watchdog starts a new attempt.
 */
@ExtendWith(TestGuard.class)
class HostApplicationWatchdogTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private Vertx vertx;
    private EmbeddedBroker broker;
    private HandshakeBreaker breaker;
    private HostApplication host;

    @AfterEach
    void stop_everything() throws Exception {
        if (host != null) {
            host.stop().await(20, TimeUnit.SECONDS);
        }
        if (breaker != null) {
            breaker.close();
        }
        if (broker != null) {
            broker.stop().await(30, TimeUnit.SECONDS);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void connects_once_the_broker_answers_after_a_handshake_left_unanswered() throws Exception {
        vertx = Vertx.vertx();
        int port = FreePorts.tcp();
        broker = new EmbeddedBroker(vertx, new BrokerConfig("127.0.0.1", port, dir.resolve("broker")));
        broker.start().await(60, TimeUnit.SECONDS);
        breaker = new HandshakeBreaker(port, HandshakeBreaker.Fault.SILENT, 1);
        MqttConfig config = new MqttConfig(breaker.uri(), "classbox-console", 10, 60, "+", 10, 65_536,
                new TlsConfig("mqtt.", null, null, null, true, null));
        host = new HostApplication(vertx.getOrCreateContext(), config, (topic, payload) -> Future.succeededFuture(),
                1_500);

        Future<Void> started = host.start();

        Await.until(WAIT, "the console connected through the breaker", started::succeeded);
        assertEquals(1, breaker.broken());
    }
}
