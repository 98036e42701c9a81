package org.classbox.sim.terminal;

import static org.classbox.sim.terminal.StarlinkDriverTest.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;
import org.classbox.drivers.terminal.snmp.VsatSnmpType;
import org.classbox.sim.faults.Fault;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The vsat-snmp driver (SNMP4J) against the simulated modem's agent, including every fault it can play. */
@ExtendWith(TestGuard.class)
class VsatDriverTest {
    private TerminalRig rig;
    private DeviceDriver driver;

    private void givenModem(Map<String, String> keys) throws Exception {
        rig = new TerminalRig(TerminalSimConfig.Kind.VSAT);
        driver = rig.driver(new VsatSnmpType(), keys);
    }

    @AfterEach
    void close() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void identifies_the_modem_from_the_system_group_and_reads_lock_es_no_and_tx_power() throws Exception {
        givenModem(Map.of());
        Reading identity = driver.identify().await(5, TimeUnit.SECONDS);
        assertEquals("classbox simulated VSAT modem, firmware sim-1.4.2", identity.get("Model"));
        assertEquals("vsat-sim", identity.get("Name"));
        assertTrue((Long) identity.get("Uptime/Seconds") >= 0);

        Reading reading = driver.probe().await(5, TimeUnit.SECONDS);
        assertEquals("UP", reading.get("Link/State"));
        assertEquals(true, reading.get("Terminal/Locked"));
        double esNo = (Double) reading.get("Terminal/EsNoDb");
        assertTrue(esNo > 8 && esNo < 12, "Es/No " + esNo);
        double tx = (Double) reading.get("Terminal/TxPowerDbm");
        assertTrue(tx > -20 && tx < -16, "Tx power " + tx);
        assertEquals(List.of(), driver.commands());
    }

    @Test
    void a_lost_lock_reads_unlocked_and_takes_the_link_down() throws Exception {
        givenModem(Map.of());
        rig.control("/lose-lock");
        Reading reading = driver.probe().await(5, TimeUnit.SECONDS);
        assertEquals(false, reading.get("Terminal/Locked"));
        assertEquals(0.0, reading.get("Terminal/EsNoDb"));
        assertEquals("DOWN", reading.get("Link/State"));
    }

    @Test
    void a_rain_fade_lowers_es_no() throws Exception {
        givenModem(Map.of());
        rig.control("/obstruct?fraction=0.8");
        double esNo = (Double) driver.probe().await(5, TimeUnit.SECONDS).get("Terminal/EsNoDb");
        assertTrue(esNo < 4.5, "Es/No in a fade " + esNo);
    }

    @Test
    void an_oid_the_modem_lacks_is_a_protocol_error_naming_it_in_terminal_error() throws Exception {
        givenModem(Map.of("oid.esNo", "1.3.6.1.4.1.32473.9.9.0", "oid.txPower", ""));
        Reading reading = driver.probe().await(5, TimeUnit.SECONDS);
        assertEquals("UP", reading.get("Link/State"));
        assertEquals(null, reading.get("Terminal/Locked"));
        String error = (String) reading.get("Terminal/Error");
        assertTrue(error.contains("1.3.6.1.4.1.32473.9.9.0 is noSuchObject"), error);
    }

    @Test
    void a_modem_without_tx_power_reads_it_as_null() throws Exception {
        givenModem(Map.of("oid.txPower", ""));
        Reading reading = driver.probe().await(5, TimeUnit.SECONDS);
        assertEquals(null, reading.get("Terminal/TxPowerDbm"));
        assertTrue(reading.value("Terminal/TxPowerDbm").isPresent());
    }

    @Test
    void each_fault_keeps_the_link_readings_and_names_the_silent_modem_within_the_timeout() throws Exception {
        givenModem(Map.of());
        // SNMP over UDP has no connection to refuse and a v2c agent drops a wrong community silently: every fault
        // looks like silence to the manager, and SNMP4J drops undecodable answers (garbage) the same way.
        for (Fault fault : List.of(Fault.REFUSE, Fault.HANG, Fault.GARBAGE, Fault.WRONG_PASSWORD)) {
            rig.control("/fault?set=" + fault.flagName());
            long start = System.nanoTime();
            Reading reading = driver.probe().await(10, TimeUnit.SECONDS);
            assertTrue((System.nanoTime() - start) / 1e6 < 6000, fault + " took too long");
            assertEquals("UP", reading.get("Link/State"), fault + ": an unreadable modem is not a lost lock");
            assertEquals(0.0, reading.get("Link/LossPercent"));
            for (String name : List.of("Terminal/Locked", "Terminal/EsNoDb", "Terminal/TxPowerDbm")) {
                assertTrue(reading.value(name).isPresent(), name + " stays in the reading");
                assertEquals(null, reading.get(name), name + " is unknown");
            }
            String error = (String) reading.get("Terminal/Error");
            assertTrue(error.startsWith("vsat modem at 127.0.0.1:" + rig.simulator.port() + ": no SNMP"), error);
        }
        rig.control("/fault?set=slow&slowMillis=200");
        assertEquals(true, driver.probe().await(5, TimeUnit.SECONDS).get("Terminal/Locked"));
        rig.control("/fault?set=none");
        Reading healed = driver.probe().await(5, TimeUnit.SECONDS);
        assertEquals(true, healed.get("Terminal/Locked"));
        assertEquals("", healed.get("Terminal/Error"));
    }

    @Test
    void reboot_is_rejected_since_the_modem_offers_no_way_to() throws Exception {
        givenModem(Map.of());
        assertEquals(DeviceException.Kind.REJECTED, failure(() -> driver.execute(new DeviceCommand("Reboot", true))
                .await(5, TimeUnit.SECONDS)).kind());
    }
}
