package org.classbox.drivers.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.Reading;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class HostDriverTest {
    @TempDir
    Path root;
    private Vertx vertx;
    private FakeHostTree tree;
    private DeviceDriver host;

    @BeforeEach
    void given_a_healthy_pi4_tree() {
        vertx = Vertx.vertx();
        tree = FakeHostTree.healthyPi4(root);
        host = new HostType().open(vertx, keys(Map.of("devices.host.root", root.toString(),
                "devices.host.dataDir", root.toString())));
    }

    @AfterEach
    void close() throws Exception {
        host.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void reads_every_health_value_of_a_healthy_pi4() throws Exception {
        Reading reading = await(host.probe());
        assertEquals(48.312, reading.get("Temperature/Cpu"), "the cpu-thermal zone, not the first");
        assertEquals(false, reading.get("Throttled"));
        assertEquals(false, reading.get("UnderVoltage"));
        assertEquals(3315L, reading.get("Memory/AvailableMb"));
        assertEquals(3792L, reading.get("Memory/TotalMb"));
        double used = (Double) reading.get("Disk/UsedPercent");
        assertTrue(used >= 0 && used <= 100, "used " + used);
        assertTrue((Long) reading.get("Disk/FreeMb") >= 0);
        assertEquals(0.52, reading.get("Load/1m"));
        assertEquals(12345L, reading.get("Uptime/Seconds"));
        assertEquals(true, reading.get("Clock/Synchronised"));
        assertEquals(20.0, reading.get("Sd/WearPercent"));
    }

    @Test
    void reports_under_voltage_now_and_since_boot_on_a_pi4_with_a_weak_supply() throws Exception {
        tree.write(HostReader.THROTTLED, "50005\n");
        Reading now = await(host.probe());
        assertEquals(true, now.get("UnderVoltage"));
        assertEquals(true, now.get("Throttled"));
        tree.write(HostReader.THROTTLED, "50000\n");
        assertEquals(true, await(host.probe()).get("UnderVoltage"), "since boot still counts: the SD may be damaged");
    }

    @Test
    void reports_unknown_for_what_this_host_does_not_have() throws Exception {
        tree.delete(HostReader.THROTTLED).delete(HostReader.LIFE_TIME).delete(HostReader.TIMESYNC)
                .delete("sys/class/thermal/thermal_zone0/temp").delete("sys/class/thermal/thermal_zone1/temp")
                .delete("sys/class/thermal/thermal_zone0/type").delete("sys/class/thermal/thermal_zone1/type");
        tree.delete("sys/class/thermal/thermal_zone0").delete("sys/class/thermal/thermal_zone1");
        Reading reading = await(host.probe());
        assertNull(reading.get("Temperature/Cpu"));
        assertNull(reading.get("Throttled"));
        assertNull(reading.get("UnderVoltage"));
        assertNull(reading.get("Sd/WearPercent"));
        assertEquals(false, reading.get("Clock/Synchronised"));
        assertTrue(reading.value("Sd/WearPercent").isPresent(), "present but unknown");
    }

    @Test
    void fails_naming_the_file_when_a_file_is_garbage_missing_or_huge() {
        tree.write("proc/loadavg", "\u0000\u0001garbage");
        assertProtocolError("proc/loadavg: expected 5 fields");
        tree.write("proc/loadavg", "0.52 0.58 0.59 1/467 12345\n").delete("proc/meminfo");
        assertProtocolError("proc/meminfo: missing");
        tree.write("proc/meminfo", "MemTotal: 1 kB\n".repeat(10_000));
        assertProtocolError("proc/meminfo: larger than 65536 bytes");
        tree.write("proc/meminfo", ProcFilesTest.PI4_MEMINFO).write("sys/class/thermal/thermal_zone1/temp", "hot");
        assertProtocolError("thermal_zone1/temp: temperature is not whole millidegrees");
    }

    @Test
    void reads_the_clock_from_chrony_when_the_box_runs_chrony() throws Exception {
        // no timesyncd marker: the clock source, not the marker, decides
        tree.delete(HostReader.TIMESYNC);
        reopen(Map.of("devices.host.clockSource", "chrony", "devices.host.chronyc",
                fakeChronyc("printf '%s' '" + ChronyTrackingTest.SYNCHRONISED.strip() + "'").toString()));
        assertEquals(true, await(host.probe()).get("Clock/Synchronised"));
        reopen(Map.of("devices.host.clockSource", "chrony", "devices.host.chronyc",
                fakeChronyc("echo '" + ChronyTrackingTest.NOT_SYNCHRONISED.strip() + "'").toString()));
        assertEquals(false, await(host.probe()).get("Clock/Synchronised"));
    }

    @Test
    void reads_the_clock_as_not_synchronised_when_chronyd_does_not_answer() throws Exception {
        reopen(Map.of("devices.host.clockSource", "chrony", "devices.host.chronyc",
                fakeChronyc("echo '506 Cannot talk to daemon'; exit 1").toString()));
        assertEquals(false, await(host.probe()).get("Clock/Synchronised"));
    }

    @Test
    void reads_the_clock_as_unknown_without_chronyc_or_with_clock_source_none() throws Exception {
        reopen(Map.of("devices.host.clockSource", "chrony", "devices.host.chronyc",
                root.resolve("no-such-chronyc").toString()));
        Reading missing = await(host.probe());
        assertNull(missing.get("Clock/Synchronised"));
        assertTrue(missing.value("Clock/Synchronised").isPresent(), "present but unknown");
        reopen(Map.of("devices.host.clockSource", "none"));
        assertNull(await(host.probe()).get("Clock/Synchronised"));
    }

    @Test
    void fails_naming_chronyc_when_it_prints_garbage_or_hangs() throws Exception {
        Path garbage = fakeChronyc("echo 'garbage'");
        reopen(Map.of("devices.host.clockSource", "chrony", "devices.host.chronyc", garbage.toString()));
        assertProtocolError(garbage + " -c tracking: expected 14 CSV fields, but got 1: garbage");
        Path stuck = fakeChronyc("exec sleep 30");
        reopen(Map.of("devices.host.clockSource", "chrony", "devices.host.chronyc", stuck.toString()));
        long start = System.nanoTime();
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(host.probe()));
        DeviceException cause = (DeviceException) e.getCause();
        assertEquals(DeviceException.Kind.TIMEOUT, cause.kind());
        assertEquals("host at " + root + ": " + stuck + " -c tracking: no answer within 2000 ms", cause.getMessage());
        assertTrue((System.nanoTime() - start) / 1_000_000 < HostDriver.TIMEOUT_MILLIS, "killed, not waited for");
    }

    @Test
    void identifies_the_board_kernel_and_host_name() throws Exception {
        Reading identity = await(host.identify());
        assertEquals("Raspberry Pi 4 Model B Rev 1.4", identity.get("Model"));
        assertEquals("6.1.0-rpi7-rpi-v8", identity.get("Kernel"));
        assertEquals("classbox-0042", identity.get("Hostname"));
    }

    @Test
    void rejects_every_command() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> await(host.execute(new DeviceCommand("Reboot", true))));
        assertEquals(DeviceException.Kind.REJECTED, ((DeviceException) e.getCause()).kind());
        assertTrue(host.commands().isEmpty());
    }

    @Test
    void reads_its_keys_with_defaults_and_rejects_a_bad_poll_interval() {
        HostConfig defaults = HostConfig.from(keys(Map.of()));
        assertEquals(Path.of("/"), defaults.root());
        assertEquals(Path.of("."), defaults.dataDir());
        assertEquals(30_000, defaults.pollMillis());
        assertEquals(HostConfig.ClockSource.TIMESYNCD, defaults.clockSource());
        assertEquals("chronyc", defaults.chronyc());
        assertEquals("devices.host.clockSource must be one of timesyncd|chrony|none, but was 'ntpd'",
                assertThrows(ConfigException.class, () -> HostConfig.from(keys(Map.of("devices.host.clockSource",
                        "ntpd")))).getMessage());
        ConfigException e = assertThrows(ConfigException.class,
                () -> HostConfig.from(keys(Map.of("devices.host.pollMillis", "5"))));
        assertEquals("devices.host.pollMillis must be in [1000, 3600000], but was 5", e.getMessage());
        assertThrows(ConfigException.class, () -> HostConfig.from(keys(Map.of("devices.host.root", " "))));
    }

    private void reopen(Map<String, String> more) throws Exception {
        host.close().await(5, TimeUnit.SECONDS);
        Map<String, String> values = new HashMap<>(Map.of("devices.host.root", root.toString(),
                "devices.host.dataDir", root.toString()));
        values.putAll(more);
        host = new HostType().open(vertx, keys(values));
    }

    /** An executable script standing in for chronyc, outside the fake tree's {@code proc/} and {@code sys/}. */
    private Path fakeChronyc(String body) throws Exception {
        Path script = Files.createTempFile(root, "chronyc", ".sh");
        Files.writeString(script, "#!/bin/sh\n# called as: chronyc -c tracking\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private void assertProtocolError(String fragment) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(host.probe()));
        DeviceException cause = (DeviceException) e.getCause();
        assertEquals(DeviceException.Kind.PROTOCOL, cause.kind());
        assertTrue(cause.getMessage().startsWith("host at " + root + ": "), cause.getMessage());
        assertTrue(cause.getMessage().contains(fragment), () -> cause.getMessage() + " should say " + fragment);
        assertFalse(cause.getMessage().length() > 300, cause.getMessage());
    }

    private static DeviceKeys keys(Map<String, String> values) {
        return new DeviceKeys("host", Settings.of(values));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
