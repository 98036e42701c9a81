package org.classbox.sim.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo command as a newcomer runs it: a separate process that stops by itself with exit 0, watched by a
 * third-party MQTT client (Debian's mosquitto_sub) that must see the box's births and data.
 */
@ExtendWith(TestGuard.class)
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demo_with_duration_exits_0_and_a_plain_mqtt_client_sees_births_and_data() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/mosquitto_sub")),
                "mosquitto_sub (Debian mosquitto-clients, installed by .ci/run) is needed");
        int brokerPort = FreePorts.tcp();
        Process demo = java(List.of("org.classbox.sim.Main", "demo", "--duration", "30",
                "--broker.port=" + brokerPort, "--console.httpPort=" + FreePorts.tcp(),
                "--projector.port=" + FreePorts.tcp(), "--link.port=" + FreePorts.tcp(),
                "--camera.port=0", "--camera.rtspPort=0", "--terminal.port=0",
                "--lesson.originPort=" + FreePorts.tcp(), "--link.lessonPort=" + FreePorts.tcp(),
                "--classroom.port=" + FreePorts.tcp(),
                // An early, short outage makes the agent publish its births again while mosquitto_sub watches.
                "--link.firstOutageAfterSeconds=12", "--link.outageSeconds=3", "--link.outageEverySeconds=60",
                "--script.everySeconds=2", "--dataDir=" + dir.resolve("demo")), dir.resolve("demo.log"));
        Path topics = dir.resolve("topics.txt");
        Await.until(java.time.Duration.ofSeconds(60), "the demo to print its topology",
                () -> log(dir.resolve("demo.log")).contains("classbox demo is running"));
        Process subscriber = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(brokerPort),
                "-t", "spBv1.0/#", "-F", "%t").redirectErrorStream(true).redirectOutput(topics.toFile()).start();
        try {
            assertTrue(demo.waitFor(120, TimeUnit.SECONDS), "the demo stops by itself");
            assertEquals(0, demo.exitValue(), () -> "exit code; output:\n" + log(dir.resolve("demo.log")));
            String seen = log(topics);
            assertTrue(seen.contains("spBv1.0/classbox/NBIRTH/box-0001"), "NBIRTH seen by mosquitto_sub:\n" + seen);
            assertTrue(seen.contains("spBv1.0/classbox/DDATA/box-0001/projector"), "DDATA seen:\n" + seen);
        } finally {
            subscriber.destroy();
            subscriber.waitFor(10, TimeUnit.SECONDS);
            demo.destroyForcibly();
        }
    }

    @Test
    void bad_configuration_exits_2_naming_the_key() throws Exception {
        Process demo = java(List.of("org.classbox.sim.Main", "demo", "--broker.port=70000"), dir.resolve("bad.log"));
        assertTrue(demo.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, demo.exitValue());
        assertTrue(log(dir.resolve("bad.log")).contains("broker.port must be in [0, 65535], but was 70000"),
                log(dir.resolve("bad.log")));
    }

    @Test
    void agent_with_bad_configuration_exits_2_naming_the_key() throws Exception {
        Process agent = java(List.of(Demo.AGENT_MAIN, "--identity.boxId=box-1",
                "--uplink.keepAliveSeconds=0"), dir.resolve("agent.log"));
        assertTrue(agent.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, agent.exitValue());
        assertTrue(log(dir.resolve("agent.log")).contains(
                "configuration error: uplink.keepAliveSeconds must be in [5, 3600], but was 0"), log(dir.resolve("agent.log")));
    }

    @Test
    void console_with_bad_configuration_exits_2_naming_the_key() throws Exception {
        Process console = java(List.of(Demo.CONSOLE_MAIN, "--mqtt.uri=tcp://127.0.0.1:1883",
                "--mqtt.allowPlaintext=true", "--http.port=-1"), dir.resolve("console.log"));
        assertTrue(console.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, console.exitValue());
        assertTrue(log(dir.resolve("console.log")).contains("http.port"), log(dir.resolve("console.log")));
    }

    private Process java(List<String> mainAndArgs, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private static String log(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
