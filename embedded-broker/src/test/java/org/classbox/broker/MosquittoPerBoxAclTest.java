package org.classbox.broker;

import java.nio.file.Path;
import org.classbox.sparkplug.SparkplugAcl;
import java.time.Duration;
import org.classbox.testing.Await;
import org.classbox.testing.Mosquitto;
import org.classbox.testing.TestPki;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's mosquitto with the ACL file the console serves at {@code /api/v1/pki/mosquitto-acl}: one block per enrolled
 * box pinned to its group, so that, unlike the pattern form, a box cannot speak in another group either; and a CRL, so
 * a revoked box cannot connect.
 */
@ExtendWith(TestGuard.class)
class MosquittoPerBoxAclTest implements BrokerAclContract {
    @TempDir
    static Path dir;
    private static Mosquitto mosquitto;
    private static AclScenarios.Fleet fleet;
    private static AclScenarios scenarios;

    @BeforeAll
    static void start_mosquitto_with_the_per_box_acl() throws Exception {
        fleet = AclScenarios.Fleet.make(dir);
        mosquitto = MosquittoAclTest.startMosquitto(dir, fleet,
                SparkplugAcl.mosquittoAclFile(AclScenarios.Fleet.ENROLLED, AclScenarios.HOSTS));
        scenarios = new AclScenarios(fleet, mosquitto.port());
    }

    @AfterAll
    static void kill_mosquitto() throws Exception {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Override
    public AclScenarios scenarios() {
        return scenarios;
    }

    @Test
    void box_a_cannot_publish_outside_its_group() throws Exception {
        scenarios.box_a_cannot_publish_outside_its_group();
    }

    @Test
    void a_box_revoked_while_mosquitto_runs_is_refused_after_a_sighup() throws Exception {
        TestPki.Issued boxD = fleet.pki().issue("box-d", "/CN=box-d/OU=" + AclScenarios.GROUP);
        String uri = "ssl://localhost:" + mosquitto.port();
        PahoClient.connect(uri, "box-d", fleet.as(boxD)).close();

        fleet.crl().revoke(boxD);
        fleet.crl().writeTo(fleet.crlFile());
        mosquitto.reload();

        Await.until(Duration.ofSeconds(20), "mosquitto refusing box D after its revocation and a SIGHUP", () -> {
            try {
                PahoClient.connect(uri, "box-d", fleet.as(boxD)).close();
                return false;
            } catch (MqttException e) {
                return true;
            }
        });
    }
}
