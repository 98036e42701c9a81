package org.classbox.agent.lessons.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class AbrTest {
    private static final List<Long> LADDER = List.of(100_000L, 300_000L, 1_500_000L);

    @Test
    void keeps_the_current_rendition_until_a_download_was_measured() {
        assertEquals(1, new Abr(1).choose(LADDER, 1, 10, 2));
    }

    @Test
    void picks_the_highest_rendition_the_throughput_carries_with_a_margin() {
        Abr abr = new Abr(1);
        abr.measured(240_000, 1.0); // 1.92 Mbit/s: 1.5 Mbit/s needs 1.5 / 0.75 = 2
        assertEquals(1, abr.choose(LADDER, 0, 10, 2));
        Abr fast = new Abr(1);
        fast.measured(500_000, 1.0); // 4 Mbit/s
        assertEquals(2, fast.choose(LADDER, 0, 10, 2));
    }

    @Test
    void the_clock_rate_multiplies_what_a_rendition_needs() {
        Abr abr = new Abr(4);
        abr.measured(500_000, 1.0); // 4 Mbit/s wall carries 1 Mbit/s of media at rate 4
        assertEquals(1, abr.choose(LADDER, 0, 10, 2));
    }

    @Test
    void drops_to_the_lowest_when_the_buffer_ahead_runs_dry_and_follows_an_ewma() {
        Abr abr = new Abr(1);
        abr.measured(500_000, 1.0);
        assertEquals(0, abr.choose(LADDER, 2, 1.5, 2), "less than a target duration ahead");
        abr.measured(12_500, 1.0); // a slow download: EWMA 0.7 * 4 + 0.3 * 0.1 = 2.83 Mbit/s, still enough
        assertEquals(2, abr.choose(LADDER, 2, 10, 2));
        abr.measured(12_500, 1.0); // 2.01
        abr.measured(12_500, 1.0); // 1.44 Mbit/s: down one step
        assertEquals(1, abr.choose(LADDER, 2, 10, 2));
    }
}
