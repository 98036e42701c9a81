package org.classbox.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void help_lists_the_planned_commands_as_not_available() {
        assertEquals(0, run("--help"));
        assertTrue(text(out).contains("NOT AVAILABLE"));
    }

    @Test
    void planned_command_fails_instead_of_pretending() {
        assertEquals(Main.EXIT_NOT_AVAILABLE, run("enrol"));
        assertTrue(text(err).contains("'enrol' is not available"));
    }

    @Test
    void unknown_command_names_what_was_wrong() {
        assertEquals(Main.EXIT_USAGE, run("frobnicate"));
        assertTrue(text(err).contains("unknown command 'frobnicate'"));
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
