package org.classbox.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class ConsoleConfigTest {

    @Test
    void sample_file_lists_every_key_with_its_default(@TempDir Path dir) throws Exception {
        Path sample = dir.resolve("console.properties");
        try (InputStream in = getClass().getResourceAsStream("/console.sample.properties")) {
            Files.copy(in, sample);
        }
        // The defaults want TLS and a CA file; the check of the sample itself runs with a plaintext lab broker.
        String[] lab = {"--mqtt.uri=tcp://127.0.0.1:1883", "--mqtt.allowPlaintext=true"};
        ConsoleConfig fromSample = ConsoleConfig.from(Settings.load(new String[] {"--config", sample.toString(),
                lab[0], lab[1]}, Map.of()));
        Settings defaults = Settings.load(lab, Map.of());
        assertEquals(ConsoleConfig.from(defaults), fromSample);
        assertEquals(defaults.keysRead().size(), Files.readAllLines(sample).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).count());
    }

    @Test
    void bad_values_name_the_key_and_the_value() {
        assertEquals("http.port must be in [0, 65535], but was -1", assertThrows(ConfigException.class,
                () -> ConsoleConfig.from(Settings.of(Map.of("http.port", "-1", "mqtt.uri", "tcp://127.0.0.1:1883",
                        "mqtt.allowPlaintext", "true")))).getMessage());
        assertEquals("mqtt.uri must look like ssl://host:port or tcp://host:port, but was 'localhost'", assertThrows(
                ConfigException.class, () -> ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", "localhost"))))
                .getMessage());
    }

    @Test
    void plaintext_broker_is_refused_unless_allowed_explicitly() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConsoleConfig.from(Settings.of(Map.of(
                "mqtt.uri", "tcp://10.0.0.1:1883"))));
        assertEquals("mqtt.uri is plaintext (tcp://10.0.0.1:1883) but mqtt.allowPlaintext is false: use"
                + " ssl://host:port with mqtt.caFile, or set mqtt.allowPlaintext=true", e.getMessage());
    }
}
