package org.classbox.drivers.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class ProcFilesTest {
    /** The head of /proc/meminfo on a Raspberry Pi 4 with 4 GB (kernel 6.1): MemAvailable exists since 3.14. */
    static final String PI4_MEMINFO = """
            MemTotal:        3884008 kB
            MemFree:         2712804 kB
            MemAvailable:    3395340 kB
            Buffers:           48384 kB
            Cached:           715028 kB
            SwapCached:            0 kB
            Active:           436992 kB
            HugePages_Total:       0
            Hugepagesize:       2048 kB
            """;

    @Test
    void reads_total_and_available_memory_in_mebibytes() {
        ProcFiles.Memory memory = ProcFiles.meminfo(PI4_MEMINFO);
        assertEquals(3792, memory.totalMb()); // 3884008 kB / 1024
        assertEquals(3315, memory.availableMb()); // 3395340 kB / 1024
    }

    @Test
    void estimates_available_memory_on_kernels_without_mem_available() {
        String old = """
                MemTotal:        1024000 kB
                MemFree:          102400 kB
                Buffers:           10240 kB
                Cached:           204800 kB
                """;
        assertEquals(310, ProcFiles.meminfo(old).availableMb()); // (102400 + 10240 + 204800) / 1024
    }

    @Test
    void rejects_meminfo_that_is_truncated_garbage_or_impossible() {
        assertMessage("no MemTotal line", () -> ProcFiles.meminfo(""));
        assertMessage("no MemTotal line", () -> ProcFiles.meminfo("MemTot"));
        assertMessage("MemTotal is not '<number> kB'", () -> ProcFiles.meminfo("MemTotal: lots\n"));
        assertMessage("not a whole number", () -> ProcFiles.meminfo("MemTotal: -5 kB\nMemAvailable: 1 kB\n"));
        assertMessage("not a whole number", () -> ProcFiles.meminfo("MemTotal: 99999999999999999999999 kB\n"));
        assertMessage("neither MemAvailable nor MemFree", () -> ProcFiles.meminfo("MemTotal: 1024 kB\n"));
        assertMessage("exceeds MemTotal", () -> ProcFiles.meminfo("MemTotal: 1024 kB\nMemAvailable: 2048 kB\n"));
        assertMessage("no MemTotal line", () -> ProcFiles.meminfo("\u0000\u00ff\u0001".repeat(1000)));
    }

    @Test
    void reads_the_one_minute_load_average() {
        // 1m, 5m, 15m load; running/total scheduling entities; last PID
        assertEquals(0.52, ProcFiles.loadOneMinute("0.52 0.58 0.59 1/467 12345\n"));
        assertMessage("expected 5 fields", () -> ProcFiles.loadOneMinute("0.52 0.58"));
        assertMessage("expected 5 fields", () -> ProcFiles.loadOneMinute(""));
        assertMessage("1-minute load is not a decimal", () -> ProcFiles.loadOneMinute("x 0.58 0.59 1/467 12345"));
        assertMessage("1-minute load is not a decimal", () -> ProcFiles.loadOneMinute("NaN 0.58 0.59 1/467 1"));
    }

    @Test
    void reads_whole_seconds_of_uptime() {
        // seconds since boot; idle seconds summed over the 4 cores
        assertEquals(12345, ProcFiles.uptimeSeconds("12345.67 45678.90\n"));
        assertMessage("expected 2 fields", () -> ProcFiles.uptimeSeconds("12345.67"));
        assertMessage("uptime is not a decimal", () -> ProcFiles.uptimeSeconds("-1 2"));
        assertMessage("uptime is not a decimal", () -> ProcFiles.uptimeSeconds("1e400 2"));
    }

    @Test
    void keeps_error_messages_short_for_huge_garbage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProcFiles.uptimeSeconds("x".repeat(50_000) + " y z"));
        assertTrue(e.getMessage().length() < 150, e.getMessage());
    }

    static void assertMessage(String fragment, Runnable parse) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, parse::run);
        assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' should say '" + fragment + "'");
    }
}
