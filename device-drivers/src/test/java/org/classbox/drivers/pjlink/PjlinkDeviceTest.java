package org.classbox.drivers.pjlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PJLink driver's commands and readings; commands it refuses never reach the (absent) projector. */
@ExtendWith(TestGuard.class)
class PjlinkDeviceTest {
    private final Vertx vertx = Vertx.vertx();
    private final PjlinkConfig config = new PjlinkConfig("127.0.0.1", FreePorts.tcp(), null, Duration.ofSeconds(1));
    private final PjlinkDevice device = new PjlinkDevice(new PjlinkClient(vertx, config), config);

    @AfterEach
    void close() throws Exception {
        device.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void commands_it_cannot_carry_out_are_rejected_naming_device_and_command() {
        assertEquals(List.of("Power", "Input"), device.commands());
        assertRejected("command Power: must be on or off, got maybe", new DeviceCommand("Power", "maybe"));
        assertRejected("command Power: needs a text value, got true", new DeviceCommand("Power", true));
        assertRejected("command Input: must be a PJLink input code such as 31, got HDMI1",
                new DeviceCommand("Input", "HDMI1"));
        assertRejected("command Freeze: unknown; this projector understands [Power, Input]",
                new DeviceCommand("Freeze", true));
    }

    @Test
    void an_absent_projector_fails_the_probe_unreachable() {
        assertEquals(DeviceException.Kind.UNREACHABLE, failure(device.probe()).kind());
    }

    @Test
    void status_becomes_the_readings_of_the_names_contract() {
        ProjectorStatus status = new ProjectorStatus(PowerState.WARMING, "31", 1200,
                Map.of(ErrorPart.LAMP, ErrorLevel.WARNING));
        Reading reading = PjlinkDevice.readingOf(status, 7L);
        assertEquals(List.of("Power=warming", "Input=31", "Lamp/Hours=1200", "Error=lamp:warning", "Unsupported="),
                reading.values().stream().map(v -> v.name() + "=" + v.value()).toList());
    }

    private void assertRejected(String why, DeviceCommand command) {
        DeviceException e = failure(device.execute(command));
        assertEquals(DeviceException.Kind.REJECTED, e.kind());
        assertEquals("projector at 127.0.0.1:" + config.port() + ": " + why, e.getMessage());
    }

    private static DeviceException failure(Future<?> future) {
        try {
            future.await(5, TimeUnit.SECONDS);
        } catch (DeviceException e) {
            return e;
        } catch (Exception e) {
            if (e.getCause() instanceof DeviceException d) {
                return d;
            }
            throw new AssertionError("expected a DeviceException, got " + e, e);
        }
        throw new AssertionError("expected a failure");
    }
}
