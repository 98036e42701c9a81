package org.classbox.provisioning.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestPki;

/**
 * The central side's broker role checked for real: applied to the root, then mosquitto started inside it with the
 * configuration the role wrote, and Debian's mosquitto_pub (a client no one here wrote) connecting from outside.
 */
final class BrokerCheck {
    private final ChrootBox box;
    private final Shell shell;
    private final Path work;

    BrokerCheck(ChrootBox box, Shell shell, Path work) {
        this.box = box;
        this.shell = shell;
        this.work = work;
    }

    void run(Path ansible, Map<String, String> env) throws Exception {
        Shell.requireTool("mosquitto_pub", "mosquitto-clients");
        TestPki pki = TestPki.create(work.resolve("pki"), "classbox fleet CA");
        TestPki.Issued server = pki.issue("broker", "/CN=localhost", "DNS:localhost", "IP:127.0.0.1");
        TestPki.Issued boxCert = pki.issue("box-0042", "/CN=box-0042/OU=county-7");
        // The shape of the console's /api/v1/pki/mosquitto-acl: one user block per enrolled box.
        Path acl = Files.writeString(work.resolve("pki/acl"), "user box-0042\n"
                + "topic readwrite spBv1.0/county-7/+/box-0042\ntopic readwrite spBv1.0/county-7/+/box-0042/#\n");
        int port = FreePorts.tcp();
        Path inventory = Files.writeString(work.resolve("central.ini"), "[brokers]\ncentral"
                + " ansible_connection=community.general.chroot ansible_host=" + box.root()
                + " ansible_become=false ansible_python_interpreter=/usr/bin/python3\n");
        Path vars = Files.writeString(work.resolve("central.json"), """
                {"classbox_start_services": false, "classbox_broker_port": %d, "classbox_broker_cert_src": "%s",
                 "classbox_broker_key_src": "%s", "classbox_broker_ca_src": "%s", "classbox_broker_acl_src": "%s"}
                """.formatted(port, server.cert(), server.key(), pki.caFile(), acl));
        for (int pass = 1; pass <= 2; pass++) {
            Shell.Result play = shell.run(ansible, Duration.ofMinutes(5), env, "ansible-playbook", "-i",
                    inventory.toString(), "central.yml", "-e", "@" + vars);
            assertTrue(play.ok(), play.describe());
            Recap recap = Recap.parse("central", play.output());
            assertTrue(pass == 1 || recap.changed() == 0, "changed on the second run: " + recap.changedTasks());
        }
        Process mosquitto = new ProcessBuilder("chroot", box.root().toString(), "/usr/sbin/mosquitto", "-c",
                "/etc/mosquitto/conf.d/classbox.conf").redirectErrorStream(true)
                .redirectOutput(work.resolve("logs/mosquitto.log").toFile()).start();
        try {
            Await.until(Duration.ofSeconds(20), "mosquitto listening on " + port, () -> listening(port));
            Shell.Result own = publish(port, "spBv1.0/county-7/NDATA/box-0042", boxCert);
            assertTrue(own.ok() && !own.output().contains("Not authorized"), own.describe());
            Shell.Result other = publish(port, "spBv1.0/county-7/NDATA/box-0043", boxCert);
            assertTrue(other.output().contains("Not authorized"), other.describe());
            Shell.Result anonymous = publish(port, "spBv1.0/county-7/NDATA/box-0042", null);
            assertFalse(anonymous.ok(), anonymous.describe());
        } finally {
            mosquitto.destroy();
            assertEquals(true, mosquitto.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "mosquitto stopped");
        }
    }

    private Shell.Result publish(int port, String topic, TestPki.Issued client)
            throws IOException, InterruptedException {
        String cert = client == null ? "" : " --cert " + client.cert() + " --key " + client.key();
        return shell.run(work, Duration.ofSeconds(30), "sh", "-c", "mosquitto_pub -V 5 -q 1 -h 127.0.0.1 -p "
                + port + " --cafile " + work.resolve("pki/ca.pem") + cert + " -t " + topic + " -m hello");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
