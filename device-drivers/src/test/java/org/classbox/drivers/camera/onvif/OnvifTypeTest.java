package org.classbox.drivers.camera.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class OnvifTypeTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void opens_with_defaults_from_only_a_host() throws Exception {
        DeviceDriver driver = open(Map.of("host", "10.0.0.7"));

        assertEquals("camera at 10.0.0.7:80", driver.describe());
        assertEquals(java.util.List.of("Snapshot"), driver.commands());
        driver.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void bad_keys_name_the_full_key_the_expectation_and_the_value() {
        assertEquals("devices.cam.host must not be empty", message(Map.of()));
        assertEquals("devices.cam.port must be in [1, 65535], but was 0", message(Map.of("host", "h", "port", "0")));
        assertEquals("devices.cam.rtspUri must start with rtsp://, but was 'http://h/s'",
                message(Map.of("host", "h", "rtspUri", "http://h/s")));
        assertEquals("devices.cam.timeoutMillis must be in [100, 60000], but was 5",
                message(Map.of("host", "h", "timeoutMillis", "5")));
    }

    private String message(Map<String, String> keys) {
        return assertThrows(ConfigException.class, () -> open(keys)).getMessage();
    }

    private DeviceDriver open(Map<String, String> keys) {
        Map<String, String> all = new HashMap<>();
        keys.forEach((k, v) -> all.put("devices.cam." + k, v));
        return new OnvifType().open(vertx, new DeviceKeys("cam", Settings.of(all)));
    }
}
