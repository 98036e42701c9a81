package org.classbox.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.devices.Devices;
import org.classbox.agent.journal.Journal;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class DevicesConfigTest {

    @Test
    void projector_and_host_health_are_supervised_by_default() {
        DevicesConfig config = AgentConfig.from(settings(Map.of())).devices();

        assertEquals(List.of("projector", "host"), config.devices().stream().map(DevicesConfig.Device::id).toList());
        assertEquals("pjlink", config.devices().get(0).type().name());
        assertEquals(5000, config.devices().get(0).pollMillis());
        assertEquals("host", config.devices().get(1).type().name());
        assertEquals(30_000, config.devices().get(1).pollMillis());
        assertEquals(AlarmsConfig.defaults(), config.alarms());
    }

    @Test
    void unknown_type_is_refused_listing_the_known_ones() {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.from(settings(Map.of(
                "devices", "projector", "devices.projector.type", "telepathy"))));
        assertEquals("devices.projector.type must be one of [pjlink, serial-projector, onvif, uvc, starlink, vsat-snmp,"
                + " prober, host, gpio], but was 'telepathy'", e.getMessage());
    }

    @Test
    void a_device_other_than_projector_and_host_must_say_its_type() {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.from(settings(Map.of(
                "devices", "projector,hall"))));
        assertEquals("devices.hall.type must name the device's type, but is not set", e.getMessage());
    }

    @Test
    void a_device_may_not_take_a_stream_name_the_agent_uses() {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.from(settings(Map.of(
                "devices", "classroom"))));
        assertTrue(e.getMessage().startsWith("devices must list distinct ids"), e.getMessage());
    }

    @Test
    void clear_threshold_above_the_alarm_is_refused() {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.from(settings(Map.of(
                "alarms.diskPercent", "80", "alarms.diskClearPercent", "85"))));
        assertEquals("alarms.diskClearPercent must be in [0.0, 80.0], but was 85.0", e.getMessage());
    }

    @Test
    void a_driver_key_is_checked_when_the_driver_opens_naming_the_full_key(@TempDir Path dir) throws Exception {
        assertEquals("devices.projector.port must be in [1, 65535], but was 70000",
                openFails(dir, Map.of("devices.projector.port", "70000")).getMessage());
        assertTrue(openFails(dir, Map.of("devices.projector.prot", "4352")).getMessage()
                .startsWith("unknown configuration key 'devices.projector.prot'"));
    }

    private static ConfigException openFails(Path dir, Map<String, String> values) throws Exception {
        AgentConfig config = AgentConfig.from(settings(values));
        Vertx vertx = Vertx.vertx();
        try {
            Journal journal = new Journal(vertx, JournalConfig.defaults(dir));
            return assertThrows(ConfigException.class, () -> new Devices(vertx, config.devices(), journal,
                    () -> { }, () -> false, System::currentTimeMillis));
        } finally {
            vertx.close().await(5, TimeUnit.SECONDS);
        }
    }

    private static Settings settings(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("identity.boxId", "box-7");
        all.put("uplink.brokerUri", "tcp://127.0.0.1:1883");
        all.put("tls.allowPlaintext", "true");
        return Settings.of(all);
    }
}
