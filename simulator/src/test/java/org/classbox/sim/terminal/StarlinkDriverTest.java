package org.classbox.sim.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;
import org.classbox.drivers.terminal.starlink.StarlinkType;
import org.classbox.sim.faults.Fault;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The starlink driver against the simulated dish, including every fault the dish can play. */
@ExtendWith(TestGuard.class)
class StarlinkDriverTest {
    private TerminalRig rig;
    private DeviceDriver driver;

    private void givenDish() throws Exception {
        rig = new TerminalRig(TerminalSimConfig.Kind.STARLINK);
        driver = rig.driver(new StarlinkType(), Map.of());
    }

    @AfterEach
    void close() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void identifies_the_dish_and_reads_link_and_dish_status() throws Exception {
        givenDish();
        Reading identity = driver.identify().await(5, TimeUnit.SECONDS);
        assertEquals("SpaceX", identity.get("Manufacturer"));
        assertEquals("rev3_proto2", identity.get("Model"));
        assertEquals("ut01000000-00000000-00c1a55b", identity.get("Serial"));

        Reading reading = driver.probe().await(5, TimeUnit.SECONDS);
        assertEquals("UP", reading.get("Link/State"));
        assertEquals(0.0, reading.get("Link/LossPercent"));
        assertTrue((Double) reading.get("Link/RttMillis") < 500);
        assertEquals("CONNECTED", reading.get("Terminal/State"));
        double ping = (Double) reading.get("Terminal/PopPingMillis");
        assertTrue(ping > 20 && ping < 50, "pop ping " + ping);
        assertTrue((Double) reading.get("Terminal/DownlinkBps") > 10e6);
        assertTrue((Double) reading.get("Terminal/UplinkBps") > 1e6);
        assertEquals(List.of("Link/State", "Link/RttMillis", "Link/LossPercent", "Terminal/State",
                "Terminal/PopPingMillis", "Terminal/PopPingDropRate", "Terminal/Obstructed", "Terminal/DownlinkBps",
                "Terminal/UplinkBps", "Terminal/Error"), reading.values().stream().map(Reading.Value::name).toList());
        assertEquals("", reading.get("Terminal/Error"), "the status was read");
    }

    @Test
    void an_obstruction_shows_in_the_readings() throws Exception {
        givenDish();
        rig.control("/obstruct?fraction=0.3");
        Reading reading = driver.probe().await(5, TimeUnit.SECONDS);
        assertEquals(0.3, reading.get("Terminal/Obstructed"));
        assertTrue((Double) reading.get("Terminal/PopPingDropRate") > 0.1);
    }

    @Test
    void an_outage_takes_the_link_down_at_once_and_up_again_after_enough_good_polls() throws Exception {
        givenDish();
        rig.control("/outage?seconds=1");
        Reading during = driver.probe().await(5, TimeUnit.SECONDS);
        assertEquals("DOWN", during.get("Link/State"));
        assertEquals("NO_SATS", during.get("Terminal/State"));
        assertEquals(1.0, during.get("Terminal/PopPingDropRate"));
        Await.until(Duration.ofSeconds(10), "the link to come back UP after the outage",
                () -> "UP".equals(linkState()));
    }

    @Test
    void a_lost_lock_reads_searching_and_down_until_it_is_regained() throws Exception {
        givenDish();
        rig.control("/lose-lock");
        Reading lost = driver.probe().await(5, TimeUnit.SECONDS);
        assertEquals("SEARCHING", lost.get("Terminal/State"));
        assertEquals("DOWN", lost.get("Link/State"));
        rig.control("/regain-lock");
        driver.probe().await(5, TimeUnit.SECONDS);
        assertEquals("UP", driver.probe().await(5, TimeUnit.SECONDS).get("Link/State"));
    }

    @Test
    void reboot_takes_the_dish_off_the_satellite_and_other_commands_are_rejected() throws Exception {
        givenDish();
        assertEquals(List.of("Reboot"), driver.commands());
        assertEquals("reboot requested",
                driver.execute(new DeviceCommand("Reboot", true)).await(5, TimeUnit.SECONDS).detail());
        assertEquals("DOWN", driver.probe().await(5, TimeUnit.SECONDS).get("Link/State"));
        assertEquals(DeviceException.Kind.REJECTED, failure(() -> driver.execute(
                new DeviceCommand("Reboot", false)).await(5, TimeUnit.SECONDS)).kind());
        assertEquals(DeviceException.Kind.REJECTED, failure(() -> driver.execute(
                new DeviceCommand("Power", "off")).await(5, TimeUnit.SECONDS)).kind());
    }

    @Test
    void a_faulted_dish_keeps_the_link_readings_and_says_why_within_the_timeout() throws Exception {
        givenDish();
        Map<Fault, String> expected = Map.of(Fault.REFUSE, "get_status failed: ",
                Fault.HANG, "no answer to get_status within 2000 ms", Fault.GARBAGE, "",
                Fault.WRONG_PASSWORD, "get_status was denied (HTTP ");
        for (Map.Entry<Fault, String> fault : expected.entrySet()) {
            rig.control("/fault?set=" + fault.getKey().flagName());
            for (int poll = 0; poll < 3; poll++) {
                long start = System.nanoTime();
                Reading reading = driver.probe().await(5, TimeUnit.SECONDS);
                assertTrue((System.nanoTime() - start) / 1e6 < 4000, fault.getKey() + " took too long");
                assertEquals("UP", reading.get("Link/State"), fault.getKey() + ": the dish said nothing of its lock");
                assertEquals(0.0, reading.get("Link/LossPercent"));
                assertTrue(reading.get("Link/RttMillis") instanceof Double);
                for (String name : List.of("Terminal/State", "Terminal/PopPingMillis", "Terminal/Obstructed")) {
                    assertTrue(reading.value(name).isPresent(), name + " stays in the reading");
                    assertEquals(null, reading.get(name), name + " is unknown");
                }
                String error = (String) reading.get("Terminal/Error");
                assertTrue(error.startsWith("starlink dish at 127.0.0.1:" + rig.simulator.port() + ": "
                        + fault.getValue()), fault.getKey() + ": " + error);
            }
        }
        rig.control("/fault?set=none");
        Reading healed = driver.probe().await(5, TimeUnit.SECONDS);
        assertEquals("CONNECTED", healed.get("Terminal/State"));
        assertEquals("", healed.get("Terminal/Error"));
    }

    @Test
    void the_link_goes_down_when_the_far_end_is_silent_even_while_the_dish_is_unreadable() throws Exception {
        rig = new TerminalRig(TerminalSimConfig.Kind.STARLINK);
        // nothing listens on this port: every probe is refused
        driver = rig.driver(new StarlinkType(), Map.of("probeTargets", "tcp://127.0.0.1:" + FreePorts.tcp()));
        rig.control("/fault?set=refuse");
        Reading reading = driver.probe().await(5, TimeUnit.SECONDS);
        assertEquals("DOWN", reading.get("Link/State"));
        assertEquals(100.0, reading.get("Link/LossPercent"));
        assertEquals(null, reading.get("Terminal/State"));
        assertTrue(((String) reading.get("Terminal/Error")).contains("get_status failed"),
                (String) reading.get("Terminal/Error"));
    }

    @Test
    void a_slow_dish_is_read_within_the_timeout_and_reported_unreadable_beyond_it() throws Exception {
        givenDish();
        rig.control("/fault?set=slow&slowMillis=200");
        assertEquals("CONNECTED", driver.probe().await(5, TimeUnit.SECONDS).get("Terminal/State"));
        rig.control("/fault?slowMillis=4000");
        Reading reading = driver.probe().await(5, TimeUnit.SECONDS);
        assertEquals(null, reading.get("Terminal/State"));
        assertTrue(((String) reading.get("Terminal/Error")).endsWith("no answer to get_status within 2000 ms"),
                (String) reading.get("Terminal/Error"));
        assertEquals("UP", reading.get("Link/State"));
    }

    private Object linkState() {
        try {
            return driver.probe().await(5, TimeUnit.SECONDS).get("Link/State");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    interface Call {
        Object run() throws Exception;
    }

    static DeviceException failure(Call call) {
        Throwable thrown = assertThrows(Throwable.class, call::run);
        while (!(thrown instanceof DeviceException) && thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        if (thrown instanceof DeviceException e) {
            return e;
        }
        throw new AssertionError("expected a DeviceException, got " + thrown, thrown);
    }

}
