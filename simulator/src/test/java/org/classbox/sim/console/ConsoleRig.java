package org.classbox.sim.console;

import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.console.FleetConsole;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.settings.Settings;
import org.classbox.sim.fleet.FleetOptions;
import org.classbox.sim.fleet.FleetSimulator;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.FreePorts;

/**
 * The console's browser tests' world: an embedded HiveMQ on loopback, a real console (admin password given, H2 in
 * {@code dir}) and the fleet simulator's boxes, quiet (no random outages or faults: the tests make their own).
 */
final class ConsoleRig implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String PASSWORD = "browser-test-password";

    private final Vertx vertx = Vertx.vertx();
    private final EmbeddedBroker broker;
    private final FleetConsole console;
    private final FleetSimulator fleet;

    ConsoleRig(Path dir, int boxes) throws Exception {
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dir.resolve("broker")));
        broker.start().await(60, TimeUnit.SECONDS);
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", broker.uri(),
                "mqtt.allowPlaintext", "true", "http.port", "0", "store.dataDir", dir.resolve("console").toString(),
                "auth.adminName", ADMIN, "auth.adminPassword", PASSWORD))));
        console.start().await(60, TimeUnit.SECONDS);
        fleet = FleetSimulator.start(vertx, FleetOptions.of(URI.create(broker.uri()), boxes, 10))
                .await(120, TimeUnit.SECONDS);
    }

    String url(String path) {
        return "http://127.0.0.1:" + console.httpPort() + path;
    }

    String brokerUri() {
        return broker.uri();
    }

    FleetSimulator fleet() {
        return fleet;
    }

    /** The API as the admin, for waiting on what the store holds before a page is looked at. */
    ConsoleClient api() {
        return new ConsoleClient(console.httpPort()).login(ADMIN, PASSWORD);
    }

    @Override
    public void close() throws Exception {
        fleet.stop().await(60, TimeUnit.SECONDS);
        console.stop().await(60, TimeUnit.SECONDS);
        broker.stop().await(60, TimeUnit.SECONDS);
        vertx.close().await(30, TimeUnit.SECONDS);
    }
}
