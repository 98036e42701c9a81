package org.classbox.drivers.escvp21;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class SerialProjectorConfigTest {
    @Test
    void defaults_are_a_usb_adapter_at_9600_baud() {
        SerialProjectorConfig config = SerialProjectorConfig.from(keys(Map.of()));
        assertEquals("/dev/ttyUSB0", config.address().port());
        assertEquals(9600, config.address().baud());
        assertEquals(Duration.ofSeconds(5), config.timeout());
        assertEquals(Duration.ofSeconds(90), config.powerTimeout());
        assertEquals(Duration.ofSeconds(10), config.poll());
        assertEquals("serial projector p1 at /dev/ttyUSB0@9600", config.deviceName());
    }

    @Test
    void a_tcp_bridge_is_named_by_its_address() {
        SerialProjectorConfig config = SerialProjectorConfig.from(
                keys(Map.of("devices.p1.port", "tcp://10.0.0.7:7000")));
        assertTrue(config.address().bridged());
        assertEquals("serial projector p1 at tcp://10.0.0.7:7000", config.deviceName());
    }

    @Test
    void bad_keys_are_named_with_expectation_and_value() {
        assertBad("devices.p1.port must be a device path or tcp://host:port, but was 'udp://x:1'",
                Map.of("devices.p1.port", "udp://x:1"));
        assertBad("devices.p1.port must be a device path or tcp://host:port, but was 'tcp://host'",
                Map.of("devices.p1.port", "tcp://host"));
        assertBad("devices.p1.baud must be in [50, 4000000], but was 0", Map.of("devices.p1.baud", "0"));
        assertBad("devices.p1.timeoutMillis must be in [100, 60000], but was 5",
                Map.of("devices.p1.timeoutMillis", "5"));
        assertBad("devices.p1.pollMillis must be in [1000, 3600000], but was 10",
                Map.of("devices.p1.pollMillis", "10"));
    }

    private static void assertBad(String message, Map<String, String> values) {
        ConfigException e = assertThrows(ConfigException.class, () -> SerialProjectorConfig.from(keys(values)));
        assertEquals(message, e.getMessage());
    }

    private static DeviceKeys keys(Map<String, String> values) {
        return new DeviceKeys("p1", Settings.of(values));
    }
}
