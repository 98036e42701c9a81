package org.classbox.broker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classbox.sparkplug.SparkplugAcl;
import org.classbox.testing.Mosquitto;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same guarantees from Debian's mosquitto (which CI installs), configured as docs/protocol.md tells an operator:
 * {@code require_certificate}, {@code use_identity_as_username} and the acl_file SparkplugAcl writes. Mosquitto runs as
 * a process of its own for the whole class and is killed with SIGKILL at the end.
 */
@ExtendWith(TestGuard.class)
class MosquittoAclTest implements BrokerAclContract {
    @TempDir
    static Path dir;
    private static Mosquitto mosquitto;
    private static AclScenarios scenarios;

    @BeforeAll
    static void start_mosquitto_with_tls_and_the_acl() throws Exception {
        AclScenarios.Fleet fleet = AclScenarios.Fleet.make(dir);
        mosquitto = startMosquitto(dir, fleet, SparkplugAcl.mosquittoAclFile(AclScenarios.HOSTS));
        scenarios = new AclScenarios(fleet, mosquitto.port());
    }

    /** Mosquitto configured as docs/protocol.md tells an operator, with {@code aclText} as its acl_file. */
    static Mosquitto startMosquitto(Path dir, AclScenarios.Fleet fleet, String aclText) throws Exception {
        Path acl = dir.resolve("acl");
        Files.writeString(acl, aclText, StandardCharsets.UTF_8);
        return Mosquitto.start(dir, List.of(
                "cafile " + fleet.pki().caFile().toAbsolutePath(),
                "certfile " + fleet.broker().cert().toAbsolutePath(),
                "keyfile " + fleet.broker().key().toAbsolutePath(),
                "crlfile " + fleet.crlFile().toAbsolutePath(),
                "require_certificate true",
                "use_identity_as_username true",
                "allow_anonymous false",
                "acl_file " + acl.toAbsolutePath()));
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
}
