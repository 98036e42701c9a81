package org.classbox.drivers.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class ChronyTrackingTest {
    /**
     * {@code chronyc -c tracking} on a box following a pool server, the CSV form of this report:
     * <pre>
     * Reference ID    : 55C7D664 (85.199.214.100)
     * Stratum         : 2
     * Ref time (UTC)  : Fri Dec 13 19:38:44 2019
     * System time     : 0.000052616 seconds slow of NTP time
     * Last offset     : -0.000193872 seconds
     * RMS offset      : 0.000803415 seconds
     * Frequency       : 18.484 ppm slow
     * Residual freq   : -0.085 ppm
     * Skew            : 1.881 ppm
     * Root delay      : 0.011188857 seconds
     * Root dispersion : 0.001274664 seconds
     * Update interval : 129.2 seconds
     * Leap status     : Normal
     * </pre>
     */
    static final String SYNCHRONISED = String.join(",",
            "55C7D664",             // 0 reference id
            "85.199.214.100",       // 1 reference name (an address: chronyc -n, or no reverse DNS)
            "2",                    // 2 stratum
            "1576265924.000000000", // 3 ref time, seconds since the epoch
            "-0.000052616",         // 4 system time (slow is negative)
            "-0.000193872",         // 5 last offset
            "0.000803415",          // 6 RMS offset
            "-18.484",              // 7 frequency, ppm (slow is negative)
            "-0.085",               // 8 residual frequency, ppm
            "1.881",                // 9 skew, ppm
            "0.011188857",          // 10 root delay
            "0.001274664",          // 11 root dispersion
            "129.2",                // 12 update interval
            "Normal") + "\n";       // 13 leap status
    /** Right after boot, or with every source unreachable: no reference yet. */
    static final String NOT_SYNCHRONISED = "00000000,,0,0.000000000,0.000000000,0.000000000,0.000000000,0.000,0.000,"
            + "0.000,1.000000000,1.000000000,0.0,Not synchronised\n";

    @Test
    void reads_a_normal_leap_status_as_synchronised() {
        assertTrue(ChronyTracking.synchronised(SYNCHRONISED));
    }

    @Test
    void reads_a_daemon_without_a_reference_as_not_synchronised() {
        assertFalse(ChronyTracking.synchronised(NOT_SYNCHRONISED));
    }

    @Test
    void reads_an_announced_leap_second_as_synchronised() {
        assertTrue(ChronyTracking.synchronised(SYNCHRONISED.replace("Normal", "Insert second")));
        assertTrue(ChronyTracking.synchronised(SYNCHRONISED.replace("Normal", "Delete second")));
    }

    @Test
    void rejects_truncated_oversized_and_garbage_output_saying_why() {
        assertError("", "chronyc printed nothing");
        assertError(SYNCHRONISED.substring(0, 40), "expected 14 CSV fields, but got 4: 55C7D664,85.199.214.100,2,"
                + "1576265924.000");
        assertError(SYNCHRONISED + SYNCHRONISED, "expected one CSV line, but got 2 lines");
        assertError(SYNCHRONISED.strip() + ",extra", "expected 14 CSV fields, but got 15");
        // the human-readable report, as when someone drops -c from the command
        assertError("Reference ID    : 55C7D664 (85.199.214.100)\nStratum         : 2\n", "expected one CSV line");
        assertError("506 Cannot talk to daemon", "expected 14 CSV fields, but got 1: 506 Cannot talk to daemon");
        assertError("x".repeat(13).replace("x", "zz,") + "Normal", "not a tracking report: zz,zz,");
        assertError(SYNCHRONISED.replace("Normal", "Unknown"), "unknown leap status 'Unknown'");
        assertError(SYNCHRONISED.replace("Normal", "\u0000\u00ff"), "unknown leap status '??'");
    }

    private static void assertError(String output, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChronyTracking.synchronised(output));
        assertTrue(e.getMessage().startsWith(message), () -> e.getMessage() + " should start with " + message);
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    @Test
    void knows_the_field_count_of_chronyc_four() {
        assertEquals(14, SYNCHRONISED.strip().split(",", -1).length);
    }
}
