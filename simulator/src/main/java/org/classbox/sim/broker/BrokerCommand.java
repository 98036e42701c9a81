package org.classbox.sim.broker;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.sim.Foreground;

/**
 * {@code classbox broker [--broker.host=127.0.0.1] [--broker.port=1883] [--dataDir=./run/broker]}: runs the
 * embedded broker until SIGTERM or Ctrl-C, then stops it cleanly (its sessions and queues stay in {@code dataDir}).
 * Prints {@code broker: listening at <uri>} once clients may connect. Exit code 2: bad configuration; 1: it did not
 * start.
 */
public final class BrokerCommand {
    private BrokerCommand() {
    }

    public static int run(String[] args) {
        BrokerConfig config;
        try {
            Settings settings = Settings.load(args, System.getenv());
            String host = settings.string("broker.host", BrokerConfig.LOOPBACK);
            int port = settings.integer("broker.port", 1883);
            Path dataDir = Path.of(settings.string("dataDir", "./run/broker"));
            settings.requireAllUsed();
            config = new BrokerConfig(host, port, dataDir);
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage());
            return ConfigException.EXIT_CODE;
        }
        Vertx vertx = Vertx.vertx();
        EmbeddedBroker broker = new EmbeddedBroker(vertx, config);
        return Foreground.run("broker", vertx, broker::start, broker::stop,
                () -> System.out.println("broker: listening at " + broker.uri()));
    }
}
