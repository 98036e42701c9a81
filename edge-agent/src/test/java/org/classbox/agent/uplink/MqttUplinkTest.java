package org.classbox.agent.uplink;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.config.UplinkConfig;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against Debian's mosquitto with an ACL: a publish the broker refuses (PUBACK reason 0x87, not authorized) must
 * fail, so the forwarder keeps its records instead of deleting them as delivered.
 */
@ExtendWith(TestGuard.class)
class MqttUplinkTest {
    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    @TempDir
    Path dir;
    private Process broker;
    private Vertx vertx;
    private Context context;
    private MqttUplink uplink;

    @BeforeEach
    void start_mosquitto() throws Exception {
        assumeTrue(Files.isExecutable(MOSQUITTO), "Debian's mosquitto is not installed");
        int port = FreePorts.tcp();
        Files.writeString(dir.resolve("acl"), "topic readwrite spBv1.0/school-7/#\n");
        // Started as root (CI), mosquitto would switch to its own user, which cannot read the test's temporary folder.
        String user = "root".equals(System.getProperty("user.name")) ? "user root\n" : "";
        Files.writeString(dir.resolve("mosquitto.conf"), "listener " + port + " 127.0.0.1\n" + user
                + "allow_anonymous true\nacl_file " + dir.resolve("acl") + "\n");
        broker = new ProcessBuilder(List.of(MOSQUITTO.toString(), "-c", dir.resolve("mosquitto.conf").toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Await.until(Duration.ofSeconds(10), "mosquitto listening", () -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (Exception e) {
                return false;
            }
        });
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        UplinkConfig config = new UplinkConfig("tcp://127.0.0.1:" + port, 10, 5, 50, 500, 5, 8, "");
        uplink = new MqttUplink(context, config, "box-42");
        onContext(() -> uplink.connect("spBv1.0/school-7/NDEATH/box-42", new byte[0])).await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop_mosquitto() throws Exception {
        if (uplink != null) {
            onContext(uplink::close).await(10, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        if (broker != null) {
            broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_publish_the_broker_refuses_fails_and_one_it_accepts_succeeds() throws Exception {
        onContext(() -> uplink.publish("spBv1.0/school-7/DDATA/box-42/projector", new byte[] {1}, 1, false))
                .await(10, TimeUnit.SECONDS);

        Exception e = assertThrows(Exception.class, () -> onContext(() -> uplink.publish(
                "spBv1.0/school-8/DDATA/box-42/projector", new byte[] {1}, 1, false)).await(10, TimeUnit.SECONDS));

        assertTrue(e.getMessage().contains("refused the publish to spBv1.0/school-8/DDATA/box-42/projector")
                && e.getMessage().contains("0x87"), e.getMessage());
        assertTrue(uplink.isConnected(), "a refusal does not end the session");
    }

    private <T> Future<T> onContext(Callable<Future<T>> work) {
        return OnContext.run(context, work);
    }
}
