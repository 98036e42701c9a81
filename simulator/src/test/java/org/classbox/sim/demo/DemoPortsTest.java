package org.classbox.sim.demo;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The demo says which port is taken instead of running without the classroom page a newcomer opens. */
@ExtendWith(TestGuard.class)
class DemoPortsTest {
    @TempDir
    Path dir;

    @Test
    void a_classroom_port_held_by_another_program_fails_the_start_naming_the_key() throws Exception {
        Vertx vertx = Vertx.vertx();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> settings = new HashMap<>(Map.of("broker.port", "0", "console.httpPort", "0",
                    "projector.port", "0", "link.port", "0", "link.lessonPort", "0", "lesson.minutes", "0",
                    "classroom.port", String.valueOf(taken.getLocalPort()), "dataDir", dir.toString()));
            settings.putAll(Map.of("camera.port", "0", "camera.rtspPort", "0", "terminal.port", "0"));
            Demo demo = new Demo(vertx, DemoConfig.from(Settings.of(settings)),
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            Exception e = assertThrows(Exception.class, () -> demo.start().await(60, TimeUnit.SECONDS));
            assertTrue(e.getMessage().contains("classroom.port " + taken.getLocalPort() + " is in use"),
                    e.getMessage());
            assertNull(demo.agent(), "no agent started on a port it cannot have");
            demo.stop().await(60, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }
}
