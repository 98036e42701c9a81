package org.classbox.sim.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class HostCommandTest {
    @Test
    void prints_help_and_exits_0() {
        assertEquals(0, HostCommand.run(new String[] {"--help"}));
    }

    @Test
    void exits_2_on_bad_flags() {
        assertEquals(2, HostCommand.run(new String[] {}), "--root is required");
        assertEquals(2, HostCommand.run(new String[] {"--root", "/tmp/x", "--temperature", "hot"}));
        assertEquals(2, HostCommand.run(new String[] {"--root", "/tmp/x", "--temperature", "500"}));
        assertEquals(2, HostCommand.run(new String[] {"--root", "/tmp/x", "--fault", "hang"}));
        assertEquals(2, HostCommand.run(new String[] {"--root", "/tmp/x", "--colour", "red"}));
    }

    @Test
    void reads_under_voltage_as_a_switch() {
        assertArrayEquals(new String[] {"--under-voltage=true", "--root", "d"},
                HostCommand.withSwitches(new String[] {"--under-voltage", "--root", "d"}));
        assertArrayEquals(new String[] {"--under-voltage", "false"},
                HostCommand.withSwitches(new String[] {"--under-voltage", "false"}));
    }
}
