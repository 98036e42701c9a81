package org.classbox.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class MaterialsConfigTest {

    @Test
    void materials_and_storage_keys_name_key_expectation_and_value() {
        assertEquals("materials.maxKilobitsPerSecond must be in [0, 10000000], but was -1",
                assertThrows(ConfigException.class, () -> MaterialsConfig.from(Settings.of(
                        Map.of("materials.maxKilobitsPerSecond", "-1")))).getMessage());
        assertEquals("lessons.keepDays must be in [1, 3650], but was 0",
                assertThrows(ConfigException.class, () -> StorageConfig.from(Settings.of(
                        Map.of("lessons.keepDays", "0")))).getMessage());
        assertEquals("lessons.budgetMegabytes must be in [1, 10000000], but was 0",
                assertThrows(ConfigException.class, () -> StorageConfig.from(Settings.of(
                        Map.of("lessons.budgetMegabytes", "0")))).getMessage());
    }

    @Test
    void empty_usb_dir_turns_usb_import_off_and_the_cap_is_in_bytes() {
        MaterialsConfig config = MaterialsConfig.from(Settings.of(Map.of("materials.usbDir", "",
                "materials.maxKilobitsPerSecond", "800")));
        assertNull(config.usbPath());
        assertEquals(100_000, config.maxBytesPerSecond());
        assertEquals(7, StorageConfig.from(Settings.of(Map.of())).keepDays());
    }
}
