package org.classbox.drivers.host;

import static org.classbox.drivers.host.ProcFilesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class SysFilesTest {
    @Test
    void reads_millidegrees_as_celsius() {
        assertEquals(48.312, SysFiles.celsius("48312\n"));
        assertEquals(-5.0, SysFiles.celsius("-5000"));
        assertMessage("not whole millidegrees", () -> SysFiles.celsius(""));
        assertMessage("not whole millidegrees", () -> SysFiles.celsius("48.3"));
        assertMessage("not whole millidegrees", () -> SysFiles.celsius("4831200000000"));
        assertMessage("outside [-60, 200]", () -> SysFiles.celsius("250000"));
    }

    @Test
    void reads_a_pi4_that_is_under_voltage_now_and_was_throttled() {
        // sysfs prints bare hex: 0x50005 = bit 0 under-voltage now, bit 2 throttled now, bits 16 and 18 since boot
        SysFiles.Throttling flags = SysFiles.throttling("50005\n");
        assertTrue(flags.underVoltageNow());
        assertTrue(flags.throttledNow());
        assertTrue(flags.underVoltageSinceBoot());
        assertTrue(flags.throttledSinceBoot());
    }

    @Test
    void reads_vcgencmd_output_of_a_pi_that_recovered_from_under_voltage() {
        // 0x50000: nothing now; under-voltage (16) and throttling (18) happened since boot
        SysFiles.Throttling flags = SysFiles.throttling("throttled=0x50000\n");
        assertFalse(flags.underVoltageNow());
        assertFalse(flags.throttledNow());
        assertTrue(flags.underVoltageSinceBoot());
        assertTrue(flags.throttledSinceBoot());
        assertEquals(0, SysFiles.throttling("0").bits());
    }

    @Test
    void rejects_throttling_flags_that_are_not_hex() {
        assertMessage("not hexadecimal", () -> SysFiles.throttling(""));
        assertMessage("not hexadecimal", () -> SysFiles.throttling("throttled="));
        assertMessage("not hexadecimal", () -> SysFiles.throttling("123456789"));
        assertMessage("not hexadecimal", () -> SysFiles.throttling("zz"));
    }

    @Test
    void reads_emmc_wear_as_the_worse_band() {
        // type A (SLC) 0x01 = 0-10 % used, type B (MLC) 0x03 = 20-30 % used
        assertEquals(30.0, SysFiles.wearPercent("0x01 0x03\n"));
        assertEquals(100.0, SysFiles.wearPercent("0x0b 0x02"), "0x0b: rated life exceeded");
        assertNull(SysFiles.wearPercent("0x00 0x00"), "not defined by the card");
        assertMessage("expected 2 fields", () -> SysFiles.wearPercent("0x01"));
        assertMessage("not 0xNN", () -> SysFiles.wearPercent("1 2"));
        assertMessage("above 0x0b", () -> SysFiles.wearPercent("0x0c 0x01"));
    }
}
