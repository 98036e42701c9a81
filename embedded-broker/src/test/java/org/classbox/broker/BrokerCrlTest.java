package org.classbox.broker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.classbox.testing.TestPki;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's CRL while it runs: a CRL written by {@code openssl ca} replaces the one in force (and ends the
 * sessions of the boxes it revokes), while a forged or broken one is ignored. One broker for the class; box C is
 * revoked from the start and box B is revoked by a test.
 */
@ExtendWith(TestGuard.class)
class BrokerCrlTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static EmbeddedBroker broker;
    private static AclScenarios.Fleet fleet;
    private static String uri;
    private final Logger aclLog = (Logger) LoggerFactory.getLogger("org.classbox.broker.acl");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    static void start_a_tls_broker_with_a_crl() throws Exception {
        fleet = AclScenarios.Fleet.make(dir);
        vertx = Vertx.vertx();
        int port = FreePorts.tcp();
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(port, dir.resolve("broker")), fleet.brokerTls());
        broker.start().await(60, TimeUnit.SECONDS);
        uri = "ssl://localhost:" + port;
    }

    @BeforeEach
    void capture_the_acl_log() {
        EmbeddedBroker.LAZY_THREAD_PREFIXES.forEach(TestGuard::tolerateThreads);
        logged.start();
        aclLog.addAppender(logged);
    }

    @AfterEach
    void release_the_log() {
        aclLog.detachAppender(logged);
    }

    @AfterAll
    static void stop_the_broker_and_its_crl_checks() throws Exception {
        if (broker != null) {
            broker.stop().await(60, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
        Await.until(WAIT, "the broker's threads ended after stop", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> EmbeddedBroker.LAZY_THREAD_PREFIXES.stream().anyMatch(t.getName()::startsWith)));
    }

    @Test
    void revoking_a_connected_box_ends_its_session_and_refuses_it_from_then_on() throws Exception {
        try (PahoClient boxB = PahoClient.connect(uri, "box-b", fleet.as(fleet.boxB()))) {
            fleet.crl().revoke(fleet.boxB());
            fleet.crl().writeTo(fleet.crlFile());

            Await.until(WAIT, "box B disconnected after its revocation", () -> !boxB.isConnected());
        }
        assertThrows(MqttException.class, () -> PahoClient.connect(uri, "box-b", fleet.as(fleet.boxB())).close(),
                "box B reconnected with its revoked certificate");
        String serial = serialOf(fleet.boxB());
        assertLogged("disconnecting MQTT client 'box-b': certificate serial " + serial + " is revoked");
        assertLogged("refused MQTT client 'box-b': certificate serial " + serial + " is revoked");
        PahoClient.connect(uri, "box-a", fleet.as(fleet.boxA())).close();
    }

    @Test
    void a_crl_not_signed_by_the_ca_or_unreadable_is_ignored_and_the_one_in_force_stays() throws Exception {
        // Same CA name, another key: only the signature tells them apart. Its CRL revokes nothing.
        TestPki forger = TestPki.create(dir.resolve("forger"), "classbox fleet CA");
        TestCrl.of(forger).writeTo(fleet.crlFile());
        assertRevokedBoxCStaysOut();
        assertLogged("its signature does not verify");

        Files.writeString(fleet.crlFile(), "-----BEGIN X509 CRL-----\nbm90IGEgQ1JM\n-----END X509 CRL-----\n",
                StandardCharsets.US_ASCII);
        assertRevokedBoxCStaysOut();
        assertLogged("is not used, keeping the CRL read before");

        fleet.crl().writeTo(fleet.crlFile());
        assertRevokedBoxCStaysOut();
    }

    private void assertRevokedBoxCStaysOut() throws Exception {
        assertThrows(MqttException.class, () -> PahoClient.connect(uri, "box-c", fleet.as(fleet.revokedBoxC()))
                .close(), "box C got in");
        PahoClient.connect(uri, "box-a", fleet.as(fleet.boxA())).close();
    }

    private void assertLogged(String fragment) {
        Await.until(WAIT, "a log line with '" + fragment + "'", () -> List.copyOf(logged.list).stream()
                .anyMatch(e -> e.getFormattedMessage().contains(fragment)));
    }

    private static String serialOf(TestPki.Issued who) throws Exception {
        try (var in = Files.newInputStream(who.cert())) {
            var certificate = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                    .getInstance("X.509").generateCertificate(in);
            return certificate.getSerialNumber().toString(16);
        }
    }
}
