package org.classbox.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class BrokerConfigTest {
    private static final Path DATA = Path.of("run/broker");

    @Test
    void rejects_port_out_of_range_naming_range_and_value() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BrokerConfig("127.0.0.1", 70000, DATA));
        assertEquals("broker port must be in [1, 65535], but was 70000", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BrokerConfig("127.0.0.1", 0, DATA));
    }

    @Test
    void rejects_empty_host_and_missing_data_dir() {
        IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
                () -> new BrokerConfig(" ", 1883, DATA));
        assertEquals("broker host must not be empty, but was ' '", host.getMessage());
        IllegalArgumentException dir = assertThrows(IllegalArgumentException.class,
                () -> new BrokerConfig("127.0.0.1", 1883, null));
        assertEquals("broker dataDir must name a folder, but was ''", dir.getMessage());
    }

    @Test
    void uri_names_host_and_port() {
        assertEquals("tcp://127.0.0.1:1883", BrokerConfig.loopback(1883, DATA).uri());
        assertEquals("tcp://[::1]:1884", new BrokerConfig("::1", 1884, DATA).uri());
    }

    @Test
    void hivemq_config_has_the_listener_and_file_persistence() {
        String xml = HiveMqConfigFile.render(BrokerConfig.loopback(1999, DATA));
        assertContains(xml, "<port>1999</port>");
        assertContains(xml, "<bind-address>127.0.0.1</bind-address>");
        assertContains(xml, "<mode>file</mode>");
        assertContains(xml, "<enabled>false</enabled>");
    }

    private static void assertContains(String text, String fragment) {
        if (!text.contains(fragment)) {
            throw new AssertionError("expected " + fragment + " in\n" + text);
        }
    }
}
