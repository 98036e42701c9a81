package org.classbox.drivers.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.DeviceType;
import org.classbox.drivers.api.Reading;
import org.classbox.drivers.terminal.snmp.VsatSnmpType;
import org.classbox.drivers.terminal.starlink.StarlinkType;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The three terminal device types: opened from {@code devices.sat.*} keys, the prober alone on loopback. */
@ExtendWith(TestGuard.class)
class TerminalTypesTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void prober_reads_the_link_up_while_its_target_answers_and_down_once_it_stops() throws Exception {
        NetServer server = vertx.createNetServer().connectHandler(socket -> { });
        int port = server.listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS).actualPort();
        DeviceDriver driver = open(new ProberType(), Map.of("probeTargets", "tcp://127.0.0.1:" + port,
                "timeoutMillis", "1000"));
        try {
            assertEquals(List.of(), driver.commands());
            assertEquals("[tcp://127.0.0.1:" + port + "]", driver.identify().await(5, TimeUnit.SECONDS)
                    .get("Targets"));
            Reading up = driver.probe().await(5, TimeUnit.SECONDS);
            assertEquals(List.of("Link/State", "Link/RttMillis", "Link/LossPercent"),
                    up.values().stream().map(Reading.Value::name).toList());
            assertEquals("UP", up.get("Link/State"));
            server.close().await(5, TimeUnit.SECONDS);
            Reading down = driver.probe().await(5, TimeUnit.SECONDS);
            assertEquals("DOWN", down.get("Link/State"));
            assertEquals(100.0, down.get("Link/LossPercent"));
            assertEquals(null, down.get("Link/RttMillis"));
        } finally {
            driver.close().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void bad_keys_are_named_in_full_with_expectation_and_value() {
        assertError(new ProberType(), Map.of(), "devices.sat.probeTargets must list at least one");
        assertError(new ProberType(), Map.of("probeTargets", "tcp://h:1", "probeAttempts", "0"),
                "devices.sat.probeAttempts must be in [1, 20], but was 0");
        assertError(new StarlinkType(), Map.of("probeTargets", "tcp://h:1", "link.degradeAfter", "0"),
                "devices.sat.link.degradeAfter must be in [1, 100], but was 0");
        assertError(new StarlinkType(), Map.of("probeTargets", "tcp://h:1", "port", "0"),
                "devices.sat.port must be in [1, 65535], but was 0");
        assertError(new VsatSnmpType(), Map.of("probeTargets", "tcp://h:1"), "devices.sat.host must not be empty");
        assertError(new VsatSnmpType(), Map.of("probeTargets", "tcp://h:1", "host", "10.0.0.9", "oid.locked",
                "1.3.x"), "devices.sat.oid.locked must be a dotted OID such as 1.3.6.1.4.1.32473.1.1.0, but was '1.3.x'");
        assertError(new VsatSnmpType(), Map.of("probeTargets", "tcp://h:1", "host", "10.0.0.9", "esNoScale", "x"),
                "devices.sat.esNoScale must be a number, but was 'x'");
    }

    private DeviceDriver open(DeviceType type, Map<String, String> keys) {
        Map<String, String> full = new HashMap<>();
        keys.forEach((k, v) -> full.put("devices.sat." + k, v));
        return type.open(vertx, new DeviceKeys("sat", Settings.of(full)));
    }

    private void assertError(DeviceType type, Map<String, String> keys, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> open(type, keys));
        assertEquals(true, e.getMessage().startsWith(message), e.getMessage());
    }
}
