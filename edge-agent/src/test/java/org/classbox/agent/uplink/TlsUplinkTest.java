package org.classbox.agent.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.config.AgentConfig;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.BrokerTls;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.settings.Settings;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.classbox.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's uplink, configured as an operator would (tls.* keys), against the embedded broker's TLS listener that
 * requires client certificates. The broker's certificate names only {@code localhost}.
 */
@ExtendWith(TestGuard.class)
class TlsUplinkTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dir;
    private static TestPki pki;
    private static Vertx vertx;
    private static EmbeddedBroker broker;
    private static int port;
    private MqttUplink box;
    private MqttUplink console;
    private Context context;

    @BeforeAll
    static void start_a_tls_broker() throws Exception {
        pki = TestPki.create(dir.resolve("ca"), "classbox fleet CA");
        TestPki.Issued brokerCert = pki.issue("broker", "/CN=broker", "DNS:localhost");
        pki.issue("box-a", "/CN=box-a/OU=school-7");
        pki.issue("console", "/CN=classbox-console");
        vertx = Vertx.vertx();
        port = FreePorts.tcp();
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(port, dir.resolve("broker")),
                new BrokerTls(pki.caFile(), brokerCert.cert(), brokerCert.key(), Set.of("classbox-console")));
        broker.start().await(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop_the_broker() throws Exception {
        if (broker != null) {
            broker.stop().await(60, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void the_broker_outlives_each_test() {
        EmbeddedBroker.LAZY_THREAD_PREFIXES.forEach(TestGuard::tolerateThreads);
        // The class's Vert.x, closed after the last test, runs the uplinks' blocking close on its workers.
        TestGuard.tolerateThreads("vert.x-worker-thread-");
    }

    @AfterEach
    void close_the_uplinks() throws Exception {
        for (MqttUplink uplink : new MqttUplink[] {box, console}) {
            if (uplink != null) {
                uplink.close().await(20, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void a_box_connects_by_tls_with_its_certificate_and_its_data_reaches_the_console() throws Exception {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        console = uplink("classbox-console", "console", "ssl://localhost:" + port);
        console.onMessage((topic, payload) -> received.add(topic + " " + new String(payload, StandardCharsets.UTF_8)));
        console.connect("spBv1.0/STATE/classbox-console", new byte[0]).await(30, TimeUnit.SECONDS);
        console.subscribe("spBv1.0/#", 1).await(30, TimeUnit.SECONDS);
        box = uplink("box-a", "box-a", "ssl://localhost:" + port);
        box.connect("spBv1.0/school-7/NDEATH/box-a", new byte[0]).await(30, TimeUnit.SECONDS);

        box.publish("spBv1.0/school-7/NDATA/box-a", "hello".getBytes(StandardCharsets.UTF_8), 1, false)
                .await(30, TimeUnit.SECONDS);

        assertEquals("spBv1.0/school-7/NDATA/box-a hello", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void a_broker_whose_certificate_names_another_host_is_refused() throws Exception {
        box = uplink("box-a", "box-a", "ssl://127.0.0.1:" + port);

        CompletionException refused = Await.value(WAIT, "the connect to fail", () -> {
            try {
                box.connect("spBv1.0/school-7/NDEATH/box-a", new byte[0]).await(30, TimeUnit.SECONDS);
                return null;
            } catch (Exception e) {
                return new CompletionException(e);
            }
        });
        StringBuilder causes = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            causes.append(t).append(" / ");
        }
        assertTrue(causes.toString().contains("No subject alternative names matching IP address 127.0.0.1"),
                causes.toString());
    }

    @Test
    void connects_the_broker_refuses_for_a_foreign_certificate_leave_no_paho_thread_behind() throws Exception {
        // The broker drops the connection right after the TLS 1.3 handshake, the case of Paho's thread leak #850.
        TestPki foreign = TestPki.create(dir.resolve("foreign"), "a CA the broker does not trust");
        TestPki.Issued stranger = foreign.issue("box-x", "/CN=box-x/OU=school-7");
        box = uplink("box-x", stranger, "ssl://localhost:" + port, Map.of("uplink.connectTimeoutSeconds", "2"));

        for (int attempt = 1; attempt <= 5; attempt++) {
            Future<Void> connect = OnContext.run(context, () -> box.connect("spBv1.0/school-7/NDEATH/box-x",
                    new byte[0]));
            Await.until(WAIT, "attempt " + attempt + " to fail", connect::failed);
            // The client of the previous attempt is closed as this one starts; only the last one may be alive.
            Await.until(WAIT, "at most one client's Paho threads after attempt " + attempt,
                    () -> pahoThreads("box-x") <= 5);
        }
        box.close().await(20, TimeUnit.SECONDS);
        box = null;

        Await.until(WAIT, "no Paho thread of box-x left", () -> pahoThreads("box-x") == 0);
    }

    /** Live threads Paho named for {@code clientId} ("MQTT Con: box-x", "MQTT Rec: box-x", ...). */
    private static long pahoThreads(String clientId) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("MQTT ") && t.getName().endsWith(": " + clientId))
                .count();
    }

    /** An uplink configured from settings, as the agent reads them, for the identity whose files are named {@code who}. */
    private MqttUplink uplink(String clientId, String who, String uri) throws Exception {
        Path files = dir.resolve("ca");
        return uplink(clientId, new TestPki.Issued(files.resolve(who + ".pem"), files.resolve(who + ".key")), uri,
                Map.of());
    }

    private MqttUplink uplink(String clientId, TestPki.Issued identity, String uri, Map<String, String> more)
            throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("identity.groupId", "school-7", "identity.boxId", clientId,
                "uplink.brokerUri", uri, "tls.caFile", pki.caFile().toString(),
                "tls.certFile", identity.cert().toString(), "tls.keyFile", identity.key().toString()));
        settings.putAll(more);
        AgentConfig config = AgentConfig.from(Settings.of(settings));
        context = vertx.getOrCreateContext();
        return new MqttUplink(context, config.uplink(), config.tls(), clientId);
    }
}
