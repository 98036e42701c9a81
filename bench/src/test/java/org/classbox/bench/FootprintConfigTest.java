package org.classbox.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The footprint benchmark's device list, from a properties file. */
@ExtendWith(TestGuard.class)
class FootprintConfigTest {
    @TempDir
    Path dir;

    @Test
    void the_shipped_file_loads_and_names_the_broker() throws Exception {
        FootprintConfig config = FootprintConfig.load(Path.of("footprint.properties"), dir);
        assertTrue(config.simulators.stream().anyMatch(s -> s.name().equals("broker")));
        assertTrue(config.common.contains("--uplink.brokerUri=tcp://127.0.0.1:" + config.port("broker")));
    }

    @Test
    void the_same_port_name_is_the_same_port_in_every_line_and_only_simulator_ports_are_awaited() throws Exception {
        FootprintConfig config = load("""
                simulator.cam=org.example.Cam --rtsp={port:rtsp} --snmp={udp:snmp} --data={dir}/cam
                agent.devices=--devices.camera.port={port:rtsp} --devices.vsat.port={udp:snmp}
                agent.none=--projector.port={port:nobody}
                """);
        FootprintConfig.Simulator cam = config.simulators.get(0);
        int rtsp = config.port("rtsp");
        assertEquals("org.example.Cam", cam.mainClass());
        assertEquals("--rtsp=" + rtsp, cam.args().get(0));
        assertEquals("--data=" + dir + "/cam", cam.args().get(2));
        assertEquals(List.of(rtsp), cam.tcpPorts());
        assertEquals("--devices.camera.port=" + rtsp, config.devices.get(0));
        assertEquals(cam.args().get(1).replace("--snmp=", "--devices.vsat.port="), config.devices.get(1));
        assertTrue(config.common.isEmpty());
    }

    @Test
    void an_unknown_key_or_token_is_refused_naming_it() throws Exception {
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class, () -> load("agnet.devices=x"));
        assertTrue(key.getMessage().contains("unknown key 'agnet.devices'"), key.getMessage());
        IllegalArgumentException token = assertThrows(IllegalArgumentException.class,
                () -> load("agent.devices=--port={prot:x}"));
        assertTrue(token.getMessage().contains("agent.devices has an unknown token"), token.getMessage());
        assertThrows(IllegalArgumentException.class, () -> load("simulator.empty=  "));
    }

    private FootprintConfig load(String text) throws Exception {
        Path file = dir.resolve("footprint.properties");
        Files.writeString(file, text);
        return FootprintConfig.load(file, dir);
    }
}
