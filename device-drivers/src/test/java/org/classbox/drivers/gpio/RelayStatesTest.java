package org.classbox.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.classbox.drivers.api.DeviceException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class RelayStatesTest {
    private static final List<String> RELAYS = List.of("projector", "screen");
    @TempDir
    Path dir;

    @Test
    void reads_every_relay_off_before_any_state_was_recorded() {
        assertEquals(Map.of("projector", false, "screen", false), states().load(RELAYS));
    }

    @Test
    void reads_back_what_it_saved_and_leaves_no_temp_file() throws Exception {
        states().save(Map.of("projector", true, "screen", false));
        assertEquals(Map.of("projector", true, "screen", false), states().load(RELAYS));
        states().save(Map.of("projector", false, "screen", true));
        assertEquals(Map.of("projector", false, "screen", true), states().load(RELAYS));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("relays.properties")), files.toList());
        }
    }

    @Test
    void reads_a_relay_the_file_does_not_name_as_off_and_ignores_relays_no_longer_wired() throws Exception {
        // written when only "projector" and a since removed "lights" relay were wired
        Files.writeString(dir.resolve("relays.properties"), "# comment\nprojector = true\nlights=true\n");
        assertEquals(Map.of("projector", true, "screen", false), states().load(RELAYS));
    }

    @Test
    void fails_naming_the_file_for_garbage_and_oversized_files() throws Exception {
        Path file = dir.resolve("relays.properties");
        Files.writeString(file, "projector=on\n");
        assertProtocol("relay state file " + file + ": projector must be true or false, but was 'on'");
        Files.write(file, new byte[] {0, 1, 2, (byte) 0xff, '=', '\n'});
        assertEquals(Map.of("projector", false, "screen", false), states().load(RELAYS), "binary names no relay");
        Files.writeString(file, "projector=\\u00zz\n");
        assertProtocol("relay state file " + file + ": cannot read: Malformed \\uxxxx encoding.");
        Files.writeString(file, "x=true\n".repeat(5000));
        assertProtocol("relay state file " + file + ": larger than 16384 bytes");
    }

    @Test
    void fails_clearly_when_the_directory_is_missing() {
        RelayStates lost = new RelayStates("gpio pins on mock", dir.resolve("gone/relays.properties"));
        DeviceException e = assertThrows(DeviceException.class, () -> lost.save(Map.of("projector", true)));
        assertEquals(DeviceException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().startsWith("gpio pins on mock: cannot record relay states in "
                + dir.resolve("gone/relays.properties")), e.getMessage());
    }

    private void assertProtocol(String message) {
        DeviceException e = assertThrows(DeviceException.class, () -> states().load(RELAYS));
        assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
        assertEquals("gpio pins on mock: " + message, e.getMessage());
    }

    private RelayStates states() {
        return new RelayStates("gpio pins on mock", dir.resolve("relays.properties"));
    }
}
