package org.classbox.provisioning.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.classbox.drivers.pjlink.PowerState;
import org.classbox.provisioning.cli.ExitCodes;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class SelftestCommandTest {
    @TempDir
    Path dir;
    private SimulatedClassroom room;

    @BeforeEach
    void given_a_simulated_classroom() throws Exception {
        room = new SimulatedClassroom(dir);
    }

    @AfterEach
    void close_it() throws Exception {
        room.close();
    }

    @Test
    void every_device_passes_and_the_report_reaches_the_outbox() throws Exception {
        int exit = room.provision("selftest", "--config", room.configFile().toString(), "--report-dir",
                dir.resolve("reports").toString(), "--input", "32", "--only", "projector,camera,host");

        assertEquals(ExitCodes.OK, exit, room.out + "\n" + room.err);
        assertTrue(room.out.toString().contains("[1/5] projector: power on ... passed (Power=on after"), room.out
                .toString());
        assertTrue(room.out.toString().contains("All 5 steps passed."), room.out.toString());
        JsonObject saved = onlyJson(dir.resolve("reports"));
        assertEquals("box-0042", saved.getString("box"));
        assertEquals("county-7", saved.getString("group"));
        assertTrue(saved.getBoolean("passed"));
        List<String> steps = saved.getJsonArray("steps").stream()
                .map(s -> ((JsonObject) s).getString("device") + " " + ((JsonObject) s).getString("step")).toList();
        assertEquals(List.of("projector power on", "projector input switch", "projector power off",
                "camera snapshot", "host health readable"), steps);
        assertEquals(saved, onlyJson(dir.resolve("agent/outbox")));
        assertTrue(room.projector.power() == PowerState.COOLING || room.projector.power() == PowerState.OFF);
    }

    @Test
    void relays_click_and_come_back_and_the_link_is_timed_and_measured() throws Exception {
        // Pi4J looks for a Raspberry Pi's board model, which this machine has not; the mock pins work regardless.
        TestGuard.expectErrors("/proc/device-tree/model");
        HttpServer origin = room.vertx.createHttpServer().requestHandler(r -> r.response()
                .end(Buffer.buffer(new byte[256 * 1024])));
        int port = origin.listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS).actualPort();
        room.set("devices", "projector,camera,host,relays,terminal")
                .set("devices.relays.type", "gpio").set("devices.relays.platform", "mock")
                .set("devices.relays.relays", "projector:17,screen:27").set("devices.relays.button", "")
                .set("devices.relays.led", "").set("devices.relays.stateDir", dir.toString())
                .set("devices.terminal.type", "prober")
                .set("devices.terminal.probeTargets", "tcp://127.0.0.1:" + port);
        try {
            int exit = room.provision("selftest", "--config", room.configFile().toString(), "--report-dir",
                    dir.resolve("reports").toString(), "--download-url", "http://127.0.0.1:" + port + "/file",
                    "--only", "relays,terminal,link");

            assertEquals(ExitCodes.OK, exit, room.out + "\n" + room.err);
            JsonArray steps = onlyJson(dir.resolve("reports")).getJsonArray("steps");
            assertEquals(List.of("relays relay projector click", "relays relay screen click",
                    "terminal round trip", "link throughput"), steps.stream().map(s -> ((JsonObject) s)
                    .getString("device") + " " + ((JsonObject) s).getString("step")).toList());
            assertEquals("on, read back; off, read back", steps.getJsonObject(0).getString("detail"));
            assertTrue(steps.getJsonObject(2).getString("detail").matches("rtt \\d+ ms, loss 0 %, link .*"),
                    steps.getJsonObject(2).getString("detail"));
            assertTrue(steps.getJsonObject(3).getString("detail").startsWith("262144 bytes in "),
                    steps.getJsonObject(3).getString("detail"));
        } finally {
            origin.close().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_camera_with_the_wrong_password_fails_naming_the_camera_and_why() throws Exception {
        room.set("devices.camera.password", "not-the-password");

        int exit = room.provision("selftest", "--config", room.configFile().toString(), "--report-dir",
                dir.resolve("reports").toString(), "--only", "camera,projector");

        assertEquals(ExitCodes.FAILED, exit, room.out + "\n" + room.err);
        JsonObject report = onlyJson(dir.resolve("agent/outbox"));
        assertFalse(report.getBoolean("passed"));
        JsonArray steps = report.getJsonArray("steps");
        assertEquals(4, steps.size(), steps.encodePrettily());
        JsonObject snapshot = steps.getJsonObject(3);
        assertEquals("camera", snapshot.getString("device"));
        assertFalse(snapshot.getBoolean("passed"));
        assertTrue(snapshot.getString("detail").contains("camera at 127.0.0.1:" + room.camera.port())
                && snapshot.getString("detail").contains("not Authorized"), snapshot.getString("detail"));
        assertTrue(room.out.toString().contains("1 of 4 steps failed: camera snapshot."), room.out.toString());
    }

    @Test
    void a_projector_that_refuses_connections_fails_its_steps_within_the_deadline() throws Exception {
        room.projector.faults().set(org.classbox.sim.faults.Fault.REFUSE);

        int exit = room.provision("selftest", "--config", room.configFile().toString(), "--report-dir",
                dir.resolve("reports").toString(), "--only", "projector");

        assertEquals(ExitCodes.FAILED, exit, room.out + "\n" + room.err);
        JsonObject first = onlyJson(dir.resolve("reports")).getJsonArray("steps").getJsonObject(0);
        assertEquals("power on", first.getString("step"));
        assertTrue(first.getString("detail").startsWith("projector at 127.0.0.1:" + room.projector.port()),
                first.getString("detail"));
    }

    @Test
    void unknown_device_in_only_is_a_usage_error_naming_it() throws Exception {
        int exit = room.provision("selftest", "--config", room.configFile().toString(), "--report-dir",
                dir.resolve("reports").toString(), "--only", "projecter");

        assertEquals(ExitCodes.USAGE, exit);
        assertTrue(room.err.toString().startsWith("classbox-provision selftest: --only names [projecter]"),
                room.err.toString());
        assertFalse(Files.exists(dir.resolve("reports")));
    }

    @Test
    void missing_configuration_is_an_environment_error() {
        int exit = room.provision("selftest", "--config", dir.resolve("none.properties").toString());

        assertEquals(ExitCodes.ENVIRONMENT, exit);
        assertTrue(room.err.toString().contains("cannot read the agent configuration"), room.err.toString());
    }

    private static JsonObject onlyJson(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertEquals(1, json.size(), json.toString());
            return new JsonObject(Files.readString(json.get(0)));
        }
    }
}
