package org.classbox.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class LedPatternTest {
    @Test
    void blinks_slowly_at_1_hz_and_fast_at_4_hz() {
        assertEquals("10101010", lights(LedPattern.FAST_BLINK));
        assertEquals("11110000", lights(LedPattern.SLOW_BLINK));
        assertEquals("11111111", lights(LedPattern.STEADY));
        assertEquals("00000000", lights(LedPattern.OFF));
    }

    @Test
    void parses_the_names_commands_use_and_nothing_else() {
        assertEquals(LedPattern.SLOW_BLINK, LedPattern.parse("slow-blink"));
        assertEquals("fast-blink", LedPattern.FAST_BLINK.text());
        assertEquals("pattern must be one of off, steady, slow-blink, fast-blink, but was 'SLOW_BLINK'",
                assertThrows(IllegalArgumentException.class, () -> LedPattern.parse("SLOW_BLINK")).getMessage());
    }

    /** One second of ticks, 125 ms each. */
    private static String lights(LedPattern pattern) {
        StringBuilder lit = new StringBuilder();
        LongStream.range(0, 8).forEach(tick -> lit.append(pattern.lit(tick) ? '1' : '0'));
        return lit.toString();
    }
}
