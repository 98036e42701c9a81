package org.classbox.sim.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.classbox.sim.link.LinkCommand;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@code terminal} and {@code link} subcommands refuse bad flags with exit code 2 before starting anything. */
@ExtendWith(TestGuard.class)
class TerminalCommandTest {
    @Test
    void help_exits_zero() {
        assertEquals(0, TerminalCommand.run(new String[] {"--help"}));
        assertEquals(0, link("--help"));
    }

    @Test
    void bad_terminal_flags_exit_two() {
        assertEquals(2, TerminalCommand.run(new String[] {}));
        assertEquals(2, TerminalCommand.run(new String[] {"--kind", "dvb"}));
        assertEquals(2, TerminalCommand.run(new String[] {"--kind", "vsat", "--port", "70000"}));
        assertEquals(2, TerminalCommand.run(new String[] {"--kind", "starlink", "--fault", "melt"}));
        assertEquals(2, TerminalCommand.run(new String[] {"--kind", "starlink", "--colour", "blue"}));
    }

    @Test
    void bad_link_flags_exit_two() {
        assertEquals(2, link());
        assertEquals(2, link("--listen", "0.0.0.0:9000", "--target", "127.0.0.1:1883"));
        assertEquals(2, link("--listen", "127.0.0.1:x", "--target", "127.0.0.1:1883"));
        assertEquals(2, link("--listen", "127.0.0.1:0", "--target", "1883"));
        assertEquals(2, link("--listen", "127.0.0.1:0", "--target", "127.0.0.1:1883", "--trace", "no-such-trace"));
        assertEquals(2, link("--listen", "127.0.0.1:0", "--target", "127.0.0.1:1883",
                "--profile", "/no/such/profile.properties"));
    }

    private static int link(String... args) {
        return LinkCommand.run(args);
    }
}
