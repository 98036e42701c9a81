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
class ScheduleConfigTest {

    @Test
    void defaults_prepare_five_minutes_ahead_and_report_once_a_minute() {
        assertEquals(ScheduleConfig.defaults(), ScheduleConfig.from(Settings.of(Map.of())));
        assertEquals(5, ScheduleConfig.defaults().prepareMinutes());
        assertEquals(60, ScheduleConfig.defaults().figuresSeconds());
    }

    @Test
    void out_of_range_values_name_key_range_and_value() {
        assertEquals("schedule.prepareMinutes must be in [0, 120], but was 500", assertThrows(ConfigException.class,
                () -> ScheduleConfig.from(Settings.of(Map.of("schedule.prepareMinutes", "500")))).getMessage());
        assertEquals("schedule.retrySeconds must be in [1, 600], but was 0", assertThrows(ConfigException.class,
                () -> ScheduleConfig.from(Settings.of(Map.of("schedule.retrySeconds", "0")))).getMessage());
    }
}
