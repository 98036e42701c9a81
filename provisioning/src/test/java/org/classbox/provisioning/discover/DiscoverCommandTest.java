package org.classbox.provisioning.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classbox.provisioning.cli.ExitCodes;
import org.classbox.provisioning.selftest.SimulatedClassroom;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class DiscoverCommandTest {
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
    void finds_the_projector_the_camera_and_the_local_devices_and_saves_them() throws Exception {
        Path dev = Files.createDirectories(dir.resolve("root/dev"));
        Files.createFile(dev.resolve("video0"));
        Files.createFile(dev.resolve("ttyUSB0"));
        Files.createFile(dev.resolve("tty0"));
        Path saved = dir.resolve("discovered.json");

        int exit = room.provision("discover", "--timeout-ms", "1000",
                "--pjlink-broadcast", "127.0.0.1", "--pjlink-port", Integer.toString(room.projector.port()),
                "--pjlink-listen-port", Integer.toString(FreePorts.tcp()),
                "--ws-discovery-address", "127.0.0.1", "--ws-discovery-port",
                Integer.toString(room.camera.discoveryPort()),
                "--terminal-host", "127.0.0.1", "--dish-port", Integer.toString(FreePorts.tcp()),
                "--snmp-port", Integer.toString(FreePorts.tcp()),
                "--dev", dev.toString(), "--save", saved.toString());

        assertEquals(ExitCodes.OK, exit, room.out + "\n" + room.err);
        DiscoveryReport report = DiscoveryReport.read(saved);
        List<String> kinds = report.devices().stream().map(DiscoveredDevice::kind).toList();
        assertEquals(List.of("pjlink", "onvif", "uvc", "serial"), kinds, room.out.toString());
        DiscoveredDevice projector = report.devices().get(0);
        assertEquals("127.0.0.1:" + room.projector.port(), projector.address());
        assertEquals("MAC " + room.projector.mac(), projector.details());
        DiscoveredDevice camera = report.devices().get(1);
        assertEquals("127.0.0.1:" + room.camera.port(), camera.address());
        assertEquals(room.camera.deviceServiceUri(), camera.xaddr());
        assertEquals(dev.resolve("ttyUSB0").toString(), report.devices().get(3).device());
        assertTrue(room.out.toString().contains("4 found."), room.out.toString());
    }

    @Test
    void an_empty_room_is_not_an_error() throws Exception {
        int exit = room.provision("discover", "--timeout-ms", "300", "--pjlink-broadcast", "127.0.0.1",
                "--pjlink-port", Integer.toString(FreePorts.tcp()),
                "--pjlink-listen-port", Integer.toString(FreePorts.tcp()),
                "--ws-discovery-address", "127.0.0.1", "--ws-discovery-port", Integer.toString(FreePorts.tcp()),
                "--terminal-host", "127.0.0.1", "--dish-port", Integer.toString(FreePorts.tcp()),
                "--snmp-port", Integer.toString(FreePorts.tcp()), "--dev", dir.resolve("nothing").toString());

        assertEquals(ExitCodes.OK, exit, room.err.toString());
        assertTrue(room.out.toString().contains("Nothing found."), room.out.toString());
    }

    @Test
    void a_bad_timeout_is_a_usage_error_naming_the_option() {
        assertEquals(ExitCodes.USAGE, room.provision("discover", "--timeout-ms", "5"));
        assertTrue(room.err.toString().startsWith("classbox-provision discover: --timeout-ms must be in"),
                room.err.toString());
    }
}
