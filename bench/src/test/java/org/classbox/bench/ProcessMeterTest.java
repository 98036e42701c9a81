package org.classbox.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The footprint benchmark's readings of /proc and jcmd, on text captured from a JDK 17 JVM on this machine. */
@ExtendWith(TestGuard.class)
class ProcessMeterTest {
    // pid 20943, comm "(java)", state S, then ppid ... ; field 14 utime = 60 ticks, field 15 stime = 7 ticks.
    private static final String STAT = "20943 (java) S 20939 20939 3077 0 -1 4194304 12195 0 0 0 60 7 0 0 20 0 15 0"
            + " 123921 2658357248 18778 18446744073709551615 94830587293696 94830587294581 140720799942928 0 0 0 0 2"
            + " 16800973 0 0 0 17 1 0 0 0 0 0\n";

    // jcmd <pid> GC.heap_info of a -XX:+UseSerialGC -Xmx128m JVM: young ("def new") and old ("tenured") generations,
    // then Metaspace, which is not heap.
    private static final String SERIAL_HEAP_INFO = """
            20943:
             def new generation   total 39296K, used 15828K [0x00000000f8000000, 0x00000000faaa0000, 0x00000000faaa0000)
              eden space 34944K,  45% used [0x00000000f8000000, 0x00000000f8f751b0, 0x00000000fa220000)
              from space 4352K,   0% used [0x00000000fa220000, 0x00000000fa220000, 0x00000000fa660000)
              to   space 4352K,   0% used [0x00000000fa660000, 0x00000000fa660000, 0x00000000faaa0000)
             tenured generation   total 87424K, used 2048K [0x00000000faaa0000, 0x0000000100000000, 0x0000000100000000)
               the space 87424K,   2% used [0x00000000faaa0000, 0x00000000faaa0000, 0x00000000faaa0200, 0x0000000100000000)
             Metaspace       used 8899K, committed 9088K, reserved 1114112K
              class space    used 1062K, committed 1152K, reserved 1048576K
            """;

    @Test
    void cpu_ticks_are_user_plus_system_time() throws IOException {
        assertEquals(67, ProcessMeter.cpuTicks(STAT));
    }

    @Test
    void a_command_name_with_spaces_and_parentheses_does_not_shift_the_fields() throws IOException {
        assertEquals(67, ProcessMeter.cpuTicks(STAT.replace("(java)", "(my (odd) name)")));
    }

    @Test
    void a_truncated_or_garbage_stat_line_is_refused_with_what_it_was() {
        IOException truncated = assertThrows(IOException.class, () -> ProcessMeter.cpuTicks("20943 (java) S 1 2 3"));
        assertTrue(truncated.getMessage().contains("20943 (java) S 1 2 3"), truncated.getMessage());
        assertThrows(IOException.class, () -> ProcessMeter.cpuTicks("no parenthesis here at all"));
        assertThrows(IOException.class, () -> ProcessMeter.cpuTicks(STAT.replace(" 60 7 ", " x y ")));
    }

    @Test
    void heap_used_is_the_generations_summed_without_metaspace() throws IOException {
        assertEquals(15828 + 2048, ProcessMeter.heapUsedKb(SERIAL_HEAP_INFO));
    }

    @Test
    void an_answer_without_heap_figures_is_refused() {
        IOException e = assertThrows(IOException.class, () -> ProcessMeter.heapUsedKb(
                "20943:\ncom.sun.tools.attach.AttachNotSupportedException: Unable to open socket file"));
        assertTrue(e.getMessage().contains("AttachNotSupportedException"), e.getMessage());
    }
}
