package org.classbox.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.sparkplug.Compression;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class UplinkConfigTest {

    @Test
    void historical_compression_is_deflate_by_default_and_none_turns_it_off() {
        assertEquals(Compression.DEFLATE, UplinkConfig.from(Settings.of(Map.of())).historicalCompression());
        assertEquals(Compression.GZIP, UplinkConfig.from(Settings.of(Map.of("uplink.historicalCompression", "gzip")))
                .historicalCompression());
        assertNull(UplinkConfig.from(Settings.of(Map.of("uplink.historicalCompression", "NONE")))
                .historicalCompression());
    }

    @Test
    void an_unknown_compression_or_meter_interval_names_key_expectation_and_value() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> UplinkConfig.from(Settings.of(Map.of("uplink.historicalCompression", "zstd"))));
        assertEquals("uplink.historicalCompression must be NONE, GZIP or DEFLATE, but was 'zstd'", e.getMessage());

        e = assertThrows(ConfigException.class,
                () -> BandwidthConfig.from(Settings.of(Map.of("bandwidth.meterSaveSeconds", "0"))));
        assertEquals("bandwidth.meterSaveSeconds must be in [1, 3600], but was 0", e.getMessage());
    }
}
