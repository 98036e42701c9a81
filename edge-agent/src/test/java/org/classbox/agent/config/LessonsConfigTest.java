package org.classbox.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class LessonsConfigTest {

    @Test
    void defaults_are_real_time_with_a_30_second_broadcast_delay() {
        LessonsConfig c = LessonsConfig.from(Settings.of(Map.of()));
        assertEquals(LessonsConfig.defaults(), c);
        assertEquals(1.0, c.clockRate());
        assertEquals(30, c.broadcastDelaySeconds());
    }

    @Test
    void bad_values_name_key_range_and_value() {
        ConfigException rate = assertThrows(ConfigException.class,
                () -> LessonsConfig.from(Settings.of(Map.of("lessons.clockRate", "0"))));
        assertEquals("lessons.clockRate must be in [0.1, 100.0], but was 0.0", rate.getMessage());
        ConfigException backoff = assertThrows(ConfigException.class, () -> LessonsConfig.from(Settings.of(Map.of(
                "lessons.reconnectMinMillis", "2000", "lessons.reconnectMaxMillis", "1000"))));
        assertEquals("lessons.reconnectMaxMillis must be in [2000, 600000], but was 1000", backoff.getMessage());
    }
}
