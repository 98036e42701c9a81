package org.classbox.broker;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The embedded HiveMQ with its TLS listener and Sparkplug ACL extension: one broker for all of these tests. */
@ExtendWith(TestGuard.class)
class SparkplugAclTest implements BrokerAclContract {
    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static EmbeddedBroker broker;
    private static AclScenarios scenarios;

    @BeforeAll
    static void start_a_tls_broker() throws Exception {
        AclScenarios.Fleet fleet = AclScenarios.Fleet.make(dir);
        vertx = Vertx.vertx();
        int port = FreePorts.tcp();
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(port, dir.resolve("broker")), fleet.brokerTls());
        broker.start().await(60, TimeUnit.SECONDS);
        scenarios = new AclScenarios(fleet, port);
    }

    @BeforeEach
    void the_broker_outlives_each_test() {
        EmbeddedBroker.LAZY_THREAD_PREFIXES.forEach(TestGuard::tolerateThreads);
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

    @Override
    public AclScenarios scenarios() {
        return scenarios;
    }

    @Test
    void box_a_cannot_publish_outside_its_group() throws Exception {
        scenarios.box_a_cannot_publish_outside_its_group();
    }

    @Test
    void a_box_cannot_take_another_box_client_id() {
        scenarios.a_box_cannot_take_another_box_client_id();
    }

    @Test
    void the_console_may_suffix_its_client_id_and_a_box_may_not() throws Exception {
        scenarios.the_console_may_suffix_its_client_id_and_a_box_may_not();
    }
}
