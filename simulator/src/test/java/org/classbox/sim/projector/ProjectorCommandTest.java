package org.classbox.sim.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code simulator projector} as a process of its own, as a technician would run it. */
@ExtendWith(TestGuard.class)
class ProjectorCommandTest {
    @Test
    void standalone_projector_says_where_it_listens_answers_powr_and_stops_on_sigterm() throws Exception {
        int port = FreePorts.tcp();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), "org.classbox.sim.Main", "projector",
                "--port", String.valueOf(port), "--class", "2", "--control-port", "0").redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("projector: "));
            assertTrue(line != null && line.contains("listening on 127.0.0.1:" + port), "printed: " + line);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(5000);
                InputStream in = socket.getInputStream();
                assertEquals("PJLINK 0\r", readLine(in));
                socket.getOutputStream().write("%1POWR ?\r".getBytes(StandardCharsets.US_ASCII));
                assertEquals("%1POWR=0\r", readLine(in));
            }
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped on SIGTERM");
            assertEquals(List.of(0, 143).contains(process.exitValue()), true, "exit " + process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void bad_flags_exit_2_naming_the_flag_and_help_exits_0() {
        assertEquals(2, ProjectorCommand.run(new String[] {"--port", "70000"}));
        assertEquals(2, ProjectorCommand.run(new String[] {"--class", "3"}));
        assertEquals(2, ProjectorCommand.run(new String[] {"--model", "plasma"}));
        assertEquals(2, ProjectorCommand.run(new String[] {"--notify", "nowhere"}));
        assertEquals(2, ProjectorCommand.run(new String[] {"--fault", "melt"}));
        assertEquals(2, ProjectorCommand.run(new String[] {"--colour", "red"}));
        assertEquals(0, ProjectorCommand.run(new String[] {"--help"}));
    }

    private static String readLine(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            line.append((char) b);
            if (b == '\r') {
                break;
            }
        }
        return line.toString();
    }
}
