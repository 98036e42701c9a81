package org.classbox.sim.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Debian's net-snmp tools ({@code apt-get install snmp}) as a client no one here wrote, against the simulated
 * modem's agent. Fails, not skips, when they are missing.
 */
@ExtendWith(TestGuard.class)
class SnmpgetAgainstAgentTest {
    private final Vertx vertx = Vertx.vertx();
    private TerminalSimulator modem;

    @BeforeEach
    void start() throws Exception {
        modem = new TerminalSimulator(vertx, TerminalSimConfig.of(TerminalSimConfig.Kind.VSAT));
        modem.start().await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        modem.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void snmpget_reads_the_system_group_and_the_private_objects() throws Exception {
        Result result = run("snmpget", "-v2c", "-c", "public", "-On", "-t", "3", "-r", "0", target(),
                "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.4.1.32473.1.2.0",
                "1.3.6.1.4.1.32473.1.1.0");
        assertEquals(0, result.code, result.output);
        assertTrue(result.output.contains(".1.3.6.1.2.1.1.5.0 = STRING: \"vsat-sim\""), result.output);
        assertTrue(result.output.contains(".1.3.6.1.2.1.1.1.0 = STRING: \"classbox simulated VSAT modem"),
                result.output);
        assertTrue(result.output.contains(".1.3.6.1.2.1.1.3.0 = Timeticks: ("), result.output);
        assertTrue(result.output.contains(".1.3.6.1.4.1.32473.1.2.0 = INTEGER: 1"), result.output);
        assertTrue(result.output.matches("(?s).*\\.1\\.3\\.6\\.1\\.4\\.1\\.32473\\.1\\.1\\.0 = INTEGER: \\d+.*"),
                result.output);
    }

    @Test
    void snmpget_of_an_unknown_object_gets_no_such_object() throws Exception {
        Result result = run("snmpget", "-v2c", "-c", "public", "-On", "-t", "3", "-r", "0", target(),
                "1.3.6.1.4.1.32473.1.99.0");
        assertTrue(result.output.contains("No Such Object available"), result.output);
    }

    @Test
    void snmpwalk_walks_the_whole_view_with_get_next_in_order() throws Exception {
        Result result = run("snmpwalk", "-v2c", "-c", "public", "-On", "-t", "3", "-r", "0", "-Cc", target(),
                ".1");
        assertEquals(0, result.code, result.output);
        List<String> oids = new ArrayList<>();
        for (String line : result.output.split("\n")) {
            if (line.startsWith(".") && !line.contains("No more variables left in this MIB View")) {
                oids.add(line.substring(0, line.indexOf(' ')));
            }
        }
        assertTrue(result.output.contains("No more variables left in this MIB View"), "ends with endOfMibView");
        assertEquals(List.of(".1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.1.3.0", ".1.3.6.1.2.1.1.5.0",
                ".1.3.6.1.4.1.32473.1.1.0", ".1.3.6.1.4.1.32473.1.2.0", ".1.3.6.1.4.1.32473.1.3.0"), oids);
    }

    @Test
    void snmpget_with_another_community_gets_no_answer() throws Exception {
        Result result = run("snmpget", "-v2c", "-c", "guess", "-t", "1", "-r", "0", target(), "1.3.6.1.2.1.1.5.0");
        assertTrue(result.code != 0 && result.output.contains("Timeout"), result.output);
    }

    private String target() {
        return "udp:127.0.0.1:" + modem.port();
    }

    private record Result(int code, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
