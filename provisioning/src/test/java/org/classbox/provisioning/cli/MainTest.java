package org.classbox.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void help_lists_every_command_and_the_exit_codes() {
        assertEquals(0, run("--help"));
        for (String command : new String[] {"enroll", "discover", "configure", "selftest", "Exit codes:"}) {
            assertTrue(out.toString().contains(command), command + " missing from:\n" + out);
        }
    }

    @Test
    void every_command_has_help_with_the_exit_codes() {
        for (String command : new String[] {"enroll", "discover", "configure", "selftest"}) {
            StringWriter text = new StringWriter();
            assertEquals(0, Main.run(new String[] {command, "--help"}, new PrintWriter(text), new PrintWriter(err)));
            assertTrue(text.toString().contains("Usage: classbox-provision " + command), text.toString());
            assertTrue(text.toString().contains("queued"), text.toString());
        }
    }

    @Test
    void no_command_is_a_usage_error_naming_the_commands() {
        assertEquals(ExitCodes.USAGE, run());
        assertTrue(err.toString().contains("name a command"), err.toString());
    }

    @Test
    void unknown_command_or_option_is_a_usage_error_naming_it() {
        assertEquals(ExitCodes.USAGE, run("enrol"));
        assertTrue(err.toString().contains("enrol"), err.toString());
        assertEquals(ExitCodes.USAGE, run("discover", "--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }
}
