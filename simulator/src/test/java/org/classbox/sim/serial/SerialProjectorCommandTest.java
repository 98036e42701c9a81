package org.classbox.sim.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The subcommand's flags: help, and bad input refused with exit code 2 and a message naming the flag. */
@ExtendWith(TestGuard.class)
class SerialProjectorCommandTest {
    @Test
    void help_prints_usage_and_exits_0() {
        String out = captureOut(() -> assertEquals(0, SerialProjectorCommand.run(new String[] {"--help"})));
        assertTrue(out.contains("usage: simulator serial-projector [--port 7000] [--pty]"), out);
    }

    @Test
    void bad_flags_exit_2_naming_the_flag() {
        assertRefused("port must be in [0, 65535], but was 70000", "--port", "70000");
        assertRefused("unknown fault 'melt', expected one of none, refuse, hang", "--fault", "melt");
        assertRefused("warmupMillis must be in [0, 600000], but was -1", "--warmupMillis", "-1");
        assertRefused("unknown configuration key 'baud'", "--baud", "9600");
    }

    private static void assertRefused(String fragment, String... args) {
        String err = captureErr(() -> assertEquals(2, SerialProjectorCommand.run(args)));
        assertTrue(err.contains(fragment), "expected '" + fragment + "' in: " + err);
    }

    private static String captureOut(Runnable run) {
        return capture(System.out, System::setOut, run);
    }

    private static String captureErr(Runnable run) {
        return capture(System.err, System::setErr, run);
    }

    /** Runs {@code run} with {@code stream} (System.out or err) redirected, and returns what it printed there. */
    private static String capture(PrintStream stream, Consumer<PrintStream> redirect, Runnable run) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        redirect.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            redirect.accept(stream);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
