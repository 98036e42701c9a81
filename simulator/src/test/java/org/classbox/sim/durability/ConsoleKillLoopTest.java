package org.classbox.sim.durability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.classbox.sim.demo.ChildProcess;
import org.classbox.sim.demo.ConsoleApi;
import org.classbox.sim.link.LinkProfile;
import org.classbox.sim.link.LinkSimulator;
import org.classbox.sim.link.OutagePlan;
import org.classbox.sim.projector.ProjectorSimConfig;
import org.classbox.sim.projector.ProjectorSimulator;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs the console process 30 times at random moments while three agents drain backlogs through the link
 * simulator, and restarts the broker (a process of its own) once among them, the agents running on across it.
 * Afterwards every record each agent acknowledged must be in the console's H2 file exactly once: its rows are counted
 * with the console stopped.
 */
@ExtendWith(TestGuard.class)
class ConsoleKillLoopTest {
    private static final String ADMIN_PASSWORD = "kill loop admin password";
    private static final int KILLS = 30;
    private static final int BROKER_RESTART_AT = KILLS / 2;
    private static final List<String> BOXES = List.of("box-a", "box-b", "box-c");
    private static final Duration SOON = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_record_is_stored_once_across_30_console_sigkills_and_a_broker_restart() throws Exception {
        // Five JVMs start and restart beside this one on a machine of two cores: a starved event loop here is not
        // code blocking it, so the blocked-thread warning (which the test guard fails on) starts at 10 s.
        Vertx vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(10)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
        int brokerPort = FreePorts.tcp();
        int httpPort = FreePorts.tcp();
        ProjectorSimulator projector = new ProjectorSimulator(vertx, new ProjectorSimConfig(0, null, 0, 0, 0, 40));
        projector.start().await(10, TimeUnit.SECONDS);
        projector.setPower(true);
        LinkSimulator link = new LinkSimulator(vertx, new LinkProfile("lan", 0, 0, 0, 0, OutagePlan.none(), 1.0), 0,
                "127.0.0.1", brokerPort);
        link.start().await(10, TimeUnit.SECONDS);
        List<ChildProcess> agents = new ArrayList<>();
        List<AcknowledgedRecords> acknowledged = new ArrayList<>();
        ChildProcess broker = startBroker(brokerPort);
        ChildProcess console = null;
        try {
            Await.until(SOON, "the broker listening", () -> listening(brokerPort));
            // Backlogs first: no console yet, so the agents keep their records until its STATE says online.
            for (String box : BOXES) {
                AcknowledgedRecords records = new AcknowledgedRecords();
                acknowledged.add(records);
                agents.add(startAgent(box, link.port(), projector.port(), records));
            }
            Await.until(SOON, "backlogs in every agent", () -> acknowledged.stream().allMatch(r -> r.size() > 30));

            Random random = new Random(20261127);
            for (int kill = 0; kill < KILLS; kill++) {
                AtomicBoolean online = new AtomicBoolean();
                console = startConsole(brokerPort, httpPort, online);
                if (kill % 4 != 0) {
                    // Most kills land while the console ingests; every fourth lands anywhere in its start.
                    Await.until(SOON, "the console online", online::get);
                }
                Thread.sleep(random.nextInt(1500)); // a random moment to pull the plug, not a wait for a condition
                console.kill();
                if (kill == BROKER_RESTART_AT) {
                    // The agents keep running across the broker restart: they reconnect on their own, then meet the
                    // console's restarts (STATE offline and online) and rebirth requests with data arriving all along.
                    broker.stop(30);
                    broker = startBroker(brokerPort);
                    Await.until(SOON, "the broker listening again", () -> listening(brokerPort));
                }
            }

            AtomicBoolean online = new AtomicBoolean();
            console = startConsole(brokerPort, httpPort, online);
            List<Map<Long, String>> expected = new ArrayList<>();
            for (AcknowledgedRecords records : acknowledged) {
                expected.add(records.snapshot());
            }
            Await.until(SOON, "the console online", online::get);
            ConsoleApi api = new ConsoleApi("http://127.0.0.1:" + httpPort).login("admin", ADMIN_PASSWORD);
            for (int i = 0; i < BOXES.size(); i++) {
                String box = BOXES.get(i);
                Map<Long, String> ack = expected.get(i);
                try {
                    Await.until(Duration.ofSeconds(120), "every record " + box + " acknowledged at the console",
                            () -> recordIds(api, box).containsAll(ack.keySet()));
                } catch (AssertionError e) {
                    java.util.Set<Long> missing = new java.util.TreeSet<>(ack.keySet());
                    missing.removeAll(recordIds(api, box));
                    throw new AssertionError(e.getMessage() + ": " + missing.size() + " of " + ack.size()
                            + " missing, first " + missing.stream().limit(10).toList(), e);
                }
            }
            console.stop(30);
            console = null;
            int total = 0;
            for (int i = 0; i < BOXES.size(); i++) {
                StoredRows.of(dir.resolve("console"), "classbox", BOXES.get(i))
                        .assertExactlyOnce(BOXES.get(i), expected.get(i));
                total += expected.get(i).size();
            }
            assertTrue(total > 3 * 30, "records acknowledged: " + total);
            System.out.println("console kill loop: " + KILLS + " SIGKILLs of the console and one broker restart; "
                    + total + " records acknowledged by " + BOXES.size() + " agents, each stored exactly once");
        } finally {
            if (console != null) {
                console.kill();
            }
            for (ChildProcess agent : agents) {
                if (agent.isAlive()) {
                    agent.stop(15);
                }
            }
            broker.stop(30);
            link.stop().await(10, TimeUnit.SECONDS);
            projector.stop().await(10, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** The broker in a process of its own; it accepts connections a few seconds later. */
    private ChildProcess startBroker(int port) throws IOException {
        return ChildProcess.start("broker", "org.classbox.sim.Main", List.of("broker", "--broker.port=" + port,
                "--dataDir=" + dir.resolve("broker")), dir, System.out);
    }

    private ChildProcess startConsole(int brokerPort, int httpPort, AtomicBoolean online) throws IOException {
        PrintStream out = new PrintStream(new ProcessLines(line -> {
            if (line.contains("primary host") && line.contains("online")) {
                online.set(true);
            }
            System.out.println(line);
        }), true, StandardCharsets.UTF_8);
        // C1 only: the console is started 31 times on a busy machine, and starting is what it mostly does here.
        return ChildProcess.start("console", List.of("-XX:TieredStopAtLevel=1"), "org.classbox.console.Main",
                List.of("--mqtt.uri=tcp://127.0.0.1:" + brokerPort, "--mqtt.allowPlaintext=true",
                "--mqtt.keepAliveSeconds=5", "--http.port=" + httpPort, "--store.dataDir=" + dir.resolve("console"),
                "--auth.adminPassword=" + ADMIN_PASSWORD), dir, out);
    }

    private ChildProcess startAgent(String box, int linkPort, int projectorPort, AcknowledgedRecords records)
            throws IOException {
        return ChildProcess.start(box, List.of("-Dclassbox.devices.log=DEBUG"), "org.classbox.agent.Main", List.of(
                "--identity.boxId=" + box, "--uplink.brokerUri=tcp://127.0.0.1:" + linkPort,
                "--tls.allowPlaintext=true", "--uplink.reconnectMinMillis=50", "--uplink.reconnectMaxMillis=500",
                "--uplink.batchSize=20", "--devices.projector.port=" + projectorPort, "--devices.projector.pollMillis=100",
                "--classroom.port=0", "--journal.dataDir=" + dir.resolve(box)), dir, records.sink());
    }

    /** Record ids the console's API lists for the box: for waiting, not for counting. */
    private static java.util.Set<Long> recordIds(ConsoleApi api, String box) {
        JsonArray samples = api.samples(box, 10_000);
        java.util.Set<Long> ids = new java.util.TreeSet<>();
        for (int i = 0; i < samples.size(); i++) {
            ids.add(samples.getJsonObject(i).getLong("recordId"));
        }
        return ids;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
