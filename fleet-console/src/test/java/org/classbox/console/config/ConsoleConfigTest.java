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
        ConsoleConfig fromSample = ConsoleConfig.from(Settings.load(new String[] {"--config", sample.toString()},
                Map.of()));
        Settings defaults = Settings.of(Map.of());
        assertEquals(ConsoleConfig.from(defaults), fromSample);
        assertEquals(defaults.keysRead().size(), Files.readAllLines(sample).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).count());
    }

    @Test
    void bad_values_name_the_key_and_the_value() {
        assertEquals("http.port must be in [0, 65535], but was -1", assertThrows(ConfigException.class,
                () -> ConsoleConfig.from(Settings.of(Map.of("http.port", "-1")))).getMessage());
        assertEquals("mqtt.uri must look like tcp://host:port, but was 'localhost'", assertThrows(
                ConfigException.class, () -> ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", "localhost"))))
                .getMessage());
    }
}
