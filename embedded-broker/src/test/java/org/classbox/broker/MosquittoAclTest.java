package org.classbox.broker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.classbox.broker.acl.SparkplugAcl;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same guarantees from Debian's mosquitto (which CI installs), configured as docs/protocol.md tells an operator:
 * {@code require_certificate}, {@code use_identity_as_username} and the acl_file SparkplugAcl writes. Mosquitto runs as
 * a process of its own for the whole class and is killed with SIGKILL at the end.
 */
@ExtendWith(TestGuard.class)
class MosquittoAclTest implements BrokerAclContract {
    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    private static Path dir;
    private static Process mosquitto;
    private static AclScenarios scenarios;

    @BeforeAll
    static void start_mosquitto_with_tls_and_the_acl() throws Exception {
        assumeTrue(Files.isExecutable(MOSQUITTO), "mosquitto is not installed");
        dir = Files.createTempDirectory("classbox-mosquitto");
        AclScenarios.Fleet fleet = AclScenarios.Fleet.make(dir);
        int port = FreePorts.tcp();
        Path acl = dir.resolve("acl");
        Files.writeString(acl, SparkplugAcl.mosquittoAclFile(AclScenarios.HOSTS), StandardCharsets.UTF_8);
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "cafile " + fleet.pki().caFile().toAbsolutePath(),
                "certfile " + fleet.broker().cert().toAbsolutePath(),
                "keyfile " + fleet.broker().key().toAbsolutePath(),
                "require_certificate true",
                "use_identity_as_username true",
                "allow_anonymous false",
                "acl_file " + acl.toAbsolutePath(),
                "persistence false",
                // Started as root, mosquitto would switch to user 'mosquitto', who cannot read the test's files.
                "user " + System.getProperty("user.name"),
                "log_dest stderr",
                ""), StandardCharsets.UTF_8);
        mosquitto = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Await.until(Duration.ofSeconds(20), "mosquitto listening on port " + port, () -> listening(port));
        scenarios = new AclScenarios(fleet, port);
    }

    @AfterAll
    static void kill_mosquitto() throws Exception {
        if (mosquitto != null) {
            mosquitto.destroyForcibly();
            mosquitto.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Override
    public AclScenarios scenarios() {
        return scenarios;
    }

    private static boolean listening(int port) {
        if (!mosquitto.isAlive()) {
            throw new AssertionError("mosquitto exited: " + log());
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String log() {
        try {
            return Files.readString(dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
