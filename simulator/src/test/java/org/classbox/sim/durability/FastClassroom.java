package org.classbox.sim.durability;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.console.FleetConsole;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.Sample;
import org.classbox.settings.Settings;
import org.classbox.sim.demo.ChildProcess;
import org.classbox.sim.link.LinkProfile;
import org.classbox.sim.link.LinkSimulator;
import org.classbox.sim.projector.ProjectorSimConfig;
import org.classbox.sim.projector.ProjectorSimulator;
import org.classbox.testing.FreePorts;

/**
 * A classroom whose projector changes every 40 ms, so every agent poll journals a record: broker, console and link
 * simulator in this JVM, agents as real processes whose acknowledged record ids are read from their DEBUG lines.
 * What the console stored is checked by counting the rows in its H2 file once it stopped ({@link #storedRows()}).
 */
final class FastClassroom implements AutoCloseable {
    static final String GROUP = "classbox";
    static final String BOX = "box-fast";

    final Vertx vertx = Vertx.vertx();
    final EmbeddedBroker broker;
    final ProjectorSimulator projector;
    final FleetConsole console;
    final LinkSimulator link;
    private final Path dir;
    private final AcknowledgedRecords acknowledged = new AcknowledgedRecords();
    private final List<ChildProcess> agents = new ArrayList<>();
    private boolean consoleStopped;

    FastClassroom(Path dir, LinkProfile profile) throws Exception {
        this.dir = dir;
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dir.resolve("broker")));
        broker.start().await(30, TimeUnit.SECONDS);
        projector = new ProjectorSimulator(vertx, new ProjectorSimConfig(0, null, 0, 0, 0, 40));
        projector.start().await(10, TimeUnit.SECONDS);
        projector.setPower(true);
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", broker.uri(),
                "mqtt.allowPlaintext", "true", "http.port", "0", "store.dataDir", dir.resolve("console").toString()))));
        console.start().await(30, TimeUnit.SECONDS);
        link = new LinkSimulator(vertx, profile, 0, "127.0.0.1", Integer.parseInt(broker.uri().replaceAll(".*:", "")));
        link.start().await(10, TimeUnit.SECONDS);
    }

    /** Starts an agent that reaches the broker through the link simulator. */
    ChildProcess startAgent() throws Exception {
        ChildProcess agent = ChildProcess.start("agent", List.of("-Dclassbox.devices.log=DEBUG"),
                "org.classbox.agent.Main", List.of("--identity.boxId=" + BOX,
                        "--uplink.brokerUri=tcp://127.0.0.1:" + link.port(), "--tls.allowPlaintext=true",
                        "--uplink.reconnectMinMillis=50", "--uplink.reconnectMaxMillis=500",
                        "--devices.projector.port=" + projector.port(), "--devices.projector.pollMillis=100",
                        // Every lamp hour (one each 40 ms) is a record: the load these scenarios need.
                        "--devices.deadbandPercent=0",
                        "--classroom.port=0", "--journal.dataDir=" + dir.resolve("agent")), dir, acknowledged.sink());
        agents.add(agent);
        return agent;
    }

    /** Record id to "metric=value,..." (sorted) for every record the agents acknowledged up to now. */
    Map<Long, String> acknowledged() {
        return acknowledged.snapshot();
    }

    /**
     * Record id to "metric=value,..." (sorted) for every record the console stored, as its API reads them: good for
     * waiting, not for counting (repeats fold into one entry).
     */
    Map<Long, String> consoleRecords() {
        try {
            List<Sample> samples = console.store().samples(new BoxKey(GROUP, BOX), 1_000_000)
                    .await(10, TimeUnit.SECONDS);
            Map<Long, List<String>> records = new TreeMap<>();
            for (Sample s : samples) {
                records.computeIfAbsent(s.recordId(), id -> new ArrayList<>()).add(s.metric() + "=" + s.value());
            }
            Map<Long, String> result = new TreeMap<>();
            records.forEach((id, metrics) -> result.put(id, String.join(",", new TreeSet<>(metrics))));
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the console and reads the rows of its H2 file. */
    StoredRows storedRows() throws Exception {
        consoleStopped = true;
        console.stop().await(30, TimeUnit.SECONDS);
        return StoredRows.of(dir.resolve("console"), GROUP, BOX);
    }

    @Override
    public void close() throws Exception {
        for (ChildProcess agent : agents) {
            if (agent.isAlive()) {
                agent.stop(15);
            }
        }
        link.stop().await(10, TimeUnit.SECONDS);
        if (!consoleStopped) {
            console.stop().await(30, TimeUnit.SECONDS);
        }
        projector.stop().await(10, TimeUnit.SECONDS);
        broker.stop().await(30, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
