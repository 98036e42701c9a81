package org.classbox.sim.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.console.FleetConsole;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.console.store.Sample;
import org.classbox.settings.Settings;
import org.classbox.sim.demo.ChildProcess;
import org.classbox.sim.projector.ProjectorSimConfig;
import org.classbox.sim.projector.ProjectorSimulator;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs a real agent process 50 times at random moments while it samples a fast-changing projector and drains
 * its journal to the console, then lets a last agent finish: every record the agent acknowledged (logged after its
 * commit and fsync) must be at the console once, with the values that were acknowledged.
 */
@ExtendWith(TestGuard.class)
class KillLoopTest {
    private static final Pattern JOURNALED = Pattern.compile("journaled projector record (\\d+): (.*)$");
    private static final int KILLS = 50;

    @TempDir
    Path dir;
    private Vertx vertx;
    private EmbeddedBroker broker;
    private ProjectorSimulator projector;
    private FleetConsole console;
    private final java.util.concurrent.ConcurrentSkipListMap<Long, String> acknowledged =
            new java.util.concurrent.ConcurrentSkipListMap<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dir.resolve("broker")));
        broker.start().await(30, TimeUnit.SECONDS);
        // One lamp hour every 40 ms: every poll of the agent finds a change to journal.
        projector = new ProjectorSimulator(vertx, new ProjectorSimConfig(0, null, 0, 0, 0, 40));
        projector.start().await(10, TimeUnit.SECONDS);
        projector.setPower(true);
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", broker.uri(),
                "http.port", "0", "store.dataDir", dir.resolve("console").toString()))));
        console.start().await(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        console.stop().await(30, TimeUnit.SECONDS);
        projector.stop().await(10, TimeUnit.SECONDS);
        broker.stop().await(30, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void no_acknowledged_record_is_lost_or_duplicated_across_50_sigkills() throws Exception {
        Random random = new Random(20261124);
        for (int kill = 0; kill < KILLS; kill++) {
            ChildProcess agent = startAgent();
            Thread.sleep(300 + random.nextInt(1700));
            agent.kill();
        }
        ChildProcess last = startAgent();
        long highest = acknowledged.lastKey();
        Await.until(Duration.ofSeconds(120), "every acknowledged record at the console",
                () -> consoleRecords().keySet().containsAll(acknowledged.keySet()));
        last.stop(15);

        Map<Long, String> atConsole = consoleRecords();
        for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
            assertEquals(ack.getValue(), atConsole.get(ack.getKey()), "record " + ack.getKey() + " as acknowledged");
        }
        assertTrue(acknowledged.size() > KILLS, "the agents journaled " + acknowledged.size() + " records up to id "
                + highest);
        System.out.println("kill loop: " + KILLS + " SIGKILLs, " + acknowledged.size() + " acknowledged records (ids up to "
                + acknowledged.lastKey() + "), every one at the console once with its acknowledged values");
    }

    private ChildProcess startAgent() throws Exception {
        return ChildProcess.start("agent", List.of("-Dclassbox.devices.log=DEBUG"), "org.classbox.agent.Main",
                List.of("--identity.boxId=box-kill", "--uplink.brokerUri=" + broker.uri(), "--tls.allowPlaintext=true",
                        "--uplink.reconnectMinMillis=50", "--uplink.reconnectMaxMillis=500",
                        "--projector.port=" + projector.port(), "--projector.pollMillis=100",
                        "--journal.dataDir=" + dir.resolve("agent")), dir, new PrintStream(new LineSink(), true,
                        StandardCharsets.UTF_8));
    }

    /** Record id to its metrics as "name=value,..." in the order the console stored them. */
    private Map<Long, String> consoleRecords() {
        try {
            List<Sample> samples = console.store().samples("box-kill", 100_000).await(10, TimeUnit.SECONDS);
            Map<Long, StringBuilder> records = new TreeMap<>();
            for (int i = samples.size() - 1; i >= 0; i--) {
                Sample s = samples.get(i);
                StringBuilder text = records.computeIfAbsent(s.recordId(), id -> new StringBuilder());
                text.append(text.length() == 0 ? "" : ",").append(s.metric()).append('=').append(s.value());
            }
            Map<Long, String> result = new TreeMap<>();
            records.forEach((id, text) -> result.put(id, normalise(text.toString())));
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the ids the agents acknowledged, from their DEBUG lines. */
    private final class LineSink extends OutputStream {
        private final StringBuilder line = new StringBuilder();

        @Override
        public synchronized void write(int b) {
            if (b != '\n') {
                line.append((char) b);
                return;
            }
            Matcher m = JOURNALED.matcher(line);
            if (m.find()) {
                acknowledged.put(Long.parseLong(m.group(1)), normalise(m.group(2)));
            }
            line.setLength(0);
        }
    }

    /** The console orders a record's metrics by name; so does the comparison. */
    private static String normalise(String metrics) {
        return String.join(",", new java.util.TreeSet<>(List.of(metrics.split(","))));
    }
}
