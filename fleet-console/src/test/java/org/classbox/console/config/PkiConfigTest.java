package org.classbox.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class PkiConfigTest {
    private static final Map<String, String> LAB = Map.of("mqtt.uri", "tcp://10.0.0.1:1883",
            "mqtt.allowPlaintext", "true", "store.dataDir", "/srv/console");

    @Test
    void defaults_follow_the_store_folder_and_the_console_s_broker() {
        PkiConfig pki = ConsoleConfig.from(Settings.of(LAB)).pki();
        assertEquals(Path.of("/srv/console/pki"), pki.dataDir());
        assertEquals(Path.of("/srv/console/pki/crl.pem"), pki.crlFile());
        assertEquals("tcp://10.0.0.1:1883", pki.brokerUri());
        assertEquals(825, pki.certificateDays());
        assertEquals(72, pki.claimHours());
    }

    @Test
    void bad_values_name_the_key_and_the_value() {
        assertEquals("pki.certificateDays must be in [1, 3650], but was 0", refused("pki.certificateDays", "0"));
        assertEquals("pki.claimHours must be in [1, 8760], but was 9000", refused("pki.claimHours", "9000"));
        assertEquals("pki.brokerUri must look like ssl://host:port, but was 'broker'", refused("pki.brokerUri",
                "broker"));
        assertEquals("pki.caCertFile and pki.caKeyFile must be set together (an existing CA) or both left empty (a CA"
                + " in pki.dataDir), but only pki.caCertFile was set", refused("pki.caCertFile", "/etc/ca.pem"));
    }

    private static String refused(String key, String value) {
        Map<String, String> settings = new HashMap<>(LAB);
        settings.put(key, value);
        return assertThrows(ConfigException.class, () -> ConsoleConfig.from(Settings.of(settings))).getMessage();
    }
}
