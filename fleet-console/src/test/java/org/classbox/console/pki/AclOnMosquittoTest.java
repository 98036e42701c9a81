package org.classbox.console.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.classbox.console.store.StoreUnderTest;
import org.classbox.testing.Await;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.Mosquitto;
import org.classbox.testing.TestGuard;
import org.classbox.testing.TestPki;
import org.classbox.tls.TlsSockets;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's mosquitto configured with what the console hands out: its CA as {@code cafile}, its CRL as {@code crlfile}
 * and its ACL export as {@code acl_file}. Boxes connect with the certificates they enrolled for (keys made by openssl).
 */
@ExtendWith(TestGuard.class)
class AclOnMosquittoTest {
    @TempDir
    Path dir;

    @Test
    void an_enrolled_box_publishes_only_under_its_own_id_and_a_revoked_one_is_refused() throws Exception {
        try (PkiRig rig = new PkiRig(dir.resolve("console"), StoreUnderTest.H2)) {
            ConsoleClient admin = rig.admin();
            Box host = enroll(rig, admin, "hosts", "classbox-console");
            Box box = enroll(rig, admin, "county-7", "box-0042");
            Box revoked = enroll(rig, admin, "county-8", "box-0050");
            enroll(rig, admin, "county-7", "box-0043");
            assertEquals(200, admin.post("/api/v1/certificates/" + revoked.serial + "/revoke", "{}").status());

            Path caFile = dir.resolve("fleet-ca.pem");
            Files.writeString(caFile, rig.client().get("/api/v1/pki/ca.pem").body());
            Path acl = dir.resolve("acl");
            Files.writeString(acl, admin.get("/api/v1/pki/mosquitto-acl").body());
            TestPki serverPki = TestPki.create(Files.createDirectories(dir.resolve("server-pki")), "broker CA");
            TestPki.Issued server = serverPki.issue("broker", "/CN=localhost", "DNS:localhost", "IP:127.0.0.1");
            try (Mosquitto mosquitto = Mosquitto.start(dir, List.of("cafile " + caFile, "certfile " + server.cert(),
                    "keyfile " + server.key(), "require_certificate true", "use_identity_as_username true",
                    "allow_anonymous false", "crlfile " + rig.crlFile(), "acl_file " + acl, "log_type all"))) {
                String uri = "ssl://127.0.0.1:" + mosquitto.port();
                Set<String> heard = new ConcurrentSkipListSet<>();
                MqttClient console = connect(uri, host, serverPki.caFile());
                MqttClient box42 = connect(uri, box, serverPki.caFile());
                try {
                    console.subscribe(new MqttSubscription[] {new MqttSubscription("spBv1.0/#", 1)},
                            new IMqttMessageListener[] {(topic, message) -> heard.add(topic)}).waitForCompletion(10_000);
                    for (String topic : new String[] {"spBv1.0/county-7/NDATA/box-0043", "spBv1.0/county-8/NDATA/box-0042",
                            "spBv1.0/county-7/DDATA/box-0043/projector", "spBv1.0/county-7/NCMD/box-0043"}) {
                        box42.publish(topic, new MqttMessage(new byte[] {1}, 0, false, null));
                    }
                    box42.publish("spBv1.0/county-7/DDATA/box-0042/projector", new MqttMessage(new byte[] {2}, 1,
                            false, null));
                    box42.publish("spBv1.0/county-7/NDATA/box-0042", new MqttMessage(new byte[] {3}, 1, false, null));
                    // In order on one connection: once the last is heard, anything let through before it was too.
                    Await.until(Duration.ofSeconds(20), "box-0042's own NDATA at the console",
                            () -> heard.contains("spBv1.0/county-7/NDATA/box-0042"));
                    assertEquals(Set.of("spBv1.0/county-7/DDATA/box-0042/projector", "spBv1.0/county-7/NDATA/box-0042"),
                            heard, mosquitto.logText());
                    assertFalse(refused(mosquitto.port(), box, serverPki.caFile()), "the same way, box-0042 is let in");
                    assertTrue(refused(mosquitto.port(), revoked, serverPki.caFile()),
                            "box-0050's certificate is in the CRL: " + mosquitto.logText());
                } finally {
                    close(box42);
                    close(console);
                }
            }
        }
    }

    /** A box's files: key and CSR by openssl, certificate from the console. */
    private record Box(String name, Path cert, Path key, String serial) {
    }

    private Box enroll(PkiRig rig, ConsoleClient admin, String group, String name) throws Exception {
        Path folder = dir.resolve(name);
        String csr = Csrs.opensslP256(folder, "/CN=" + name + "/OU=" + group);
        ConsoleClient.Response claim = admin.post("/api/v1/claims", new JsonObject().put("group", group)
                .put("box", name).encode());
        ConsoleClient.Response enrolled = rig.client().post("/api/v1/enroll", new JsonObject()
                .put("claimCode", new JsonObject(claim.body()).getString("code")).put("csr", csr).encode());
        assertEquals(200, enrolled.status(), enrolled.body());
        JsonObject answer = new JsonObject(enrolled.body());
        Files.writeString(folder.resolve("box.pem"), answer.getString("certificate"));
        return new Box(name, folder.resolve("box.pem"), folder.resolve("box.key"), answer.getString("serial"));
    }

    private static MqttClient connect(String uri, Box who, Path serverCa) throws MqttException {
        MqttClient client = new MqttClient(uri, who.name(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(TlsSockets.factory(serverCa, who.cert(), who.key()));
        options.setConnectionTimeout(10);
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    /**
     * Whether the broker ends a TLS connection made with {@code who}'s certificate before any MQTT: with TLS 1.3 the
     * broker checks the client's certificate after the client's handshake is done, so its refusal comes on the first
     * read. (A plain socket: Paho's connect thread would outlive a refused connection.)
     */
    private static boolean refused(int port, Box who, Path serverCa) throws Exception {
        try (SSLSocket socket = (SSLSocket) TlsSockets.factory(serverCa, who.cert(), who.key())
                .createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            // An MQTT 5 CONNECT with client id "x": a broker that accepted the certificate answers with a CONNACK.
            socket.getOutputStream().write(new byte[] {0x10, 14, 0, 4, 'M', 'Q', 'T', 'T', 5, 2, 0, 30, 0, 0, 1, 'x'});
            socket.getOutputStream().flush();
            return socket.getInputStream().read() == -1;
        } catch (SSLException | java.net.SocketException e) {
            return true;
        }
    }

    private static void close(MqttClient client) throws MqttException {
        if (client.isConnected()) {
            client.disconnect(5_000);
        }
        client.close(true);
    }
}
