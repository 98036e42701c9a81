package org.classbox.sim.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.Reading;
import org.classbox.drivers.escvp21.SerialProjectorType;
import org.classbox.settings.Settings;
import org.classbox.sim.faults.Fault;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver opens a real pseudo-terminal with jSerialComm, as it would /dev/ttyUSB0; socat (Debian package
 * {@code socat}, required: this test fails without it) relays it to the simulator's TCP bridge.
 */
@ExtendWith(TestGuard.class)
class SerialProjectorPtyTest {
    private final Vertx vertx = Vertx.vertx();
    private final SerialProjectorSimulator simulator = new SerialProjectorSimulator(vertx,
            new SerialProjectorSimConfig(0, 300, 300, 77, "X4PTY"));
    private PtyBridge bridge;
    private DeviceDriver driver;

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close().await(10, TimeUnit.SECONDS);
        }
        if (bridge != null) {
            bridge.stop().await(20, TimeUnit.SECONDS);
        }
        simulator.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void drives_the_projector_through_a_pseudo_terminal() throws Exception {
        givenPty();

        Reading identity = driver.identify().await(10, TimeUnit.SECONDS);
        assertEquals("X4PTY", identity.get("Serial"));
        assertEquals("off", driver.probe().await(10, TimeUnit.SECONDS).get("Power"));

        driver.execute(new DeviceCommand("Power", "on")).await(10, TimeUnit.SECONDS);
        driver.execute(new DeviceCommand("Input", "32")).await(10, TimeUnit.SECONDS);

        Reading on = driver.probe().await(10, TimeUnit.SECONDS);
        assertEquals("on", on.get("Power"));
        assertEquals("32", on.get("Input"));
        assertEquals(77L, on.get("Lamp/Hours"));
    }

    @Test
    void reopens_the_terminal_after_a_hang() throws Exception {
        givenPty();
        simulator.faults().set(Fault.HANG);
        Exception hung = assertThrows(Exception.class, () -> driver.probe().await(10, TimeUnit.SECONDS));
        assertTrue(hung.getMessage().contains("no ':' prompt"), hung.getMessage());

        simulator.faults().set(Fault.NONE);

        // The driver closed the terminal in doubt, socat ended with it and was started again: the next polls
        // open it afresh.
        Await.until(Duration.ofSeconds(10), "a probe through the reopened terminal", () -> {
            try {
                return "off".equals(driver.probe().await(5, TimeUnit.SECONDS).get("Power"));
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void socat_as_a_plain_client_gets_the_exact_escvp21_bytes() throws Exception {
        simulator.start().await(10, TimeUnit.SECONDS);
        Process socat = new ProcessBuilder("socat", "-t", "3", "-", "TCP:127.0.0.1:" + simulator.port())
                .redirectErrorStream(true).start();
        try (OutputStream in = socat.getOutputStream()) {
            // the ready check, two queries, one refused in standby, one command it does not know
            in.write("\rPWR?\rLAMP?\rSOURCE?\rZOOM 2\r".getBytes(StandardCharsets.US_ASCII));
        }
        String out = new String(socat.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(socat.waitFor(10, TimeUnit.SECONDS));

        assertEquals(":PWR=00\r:LAMP=77\r:ERR\r:ERR\r:", out);
    }

    private void givenPty() throws Exception {
        simulator.start().await(10, TimeUnit.SECONDS);
        bridge = new PtyBridge(vertx, dir.resolve("ttyEPSON"), simulator.port());
        bridge.start().await(15, TimeUnit.SECONDS);
        assertTrue(Files.exists(bridge.link()));
        driver = new SerialProjectorType().open(vertx, new DeviceKeys("pty", Settings.of(Map.of(
                "devices.pty.port", bridge.link().toString(),
                "devices.pty.baud", "9600",
                "devices.pty.timeoutMillis", "1000",
                "devices.pty.powerTimeoutMillis", "5000"))));
    }
}
