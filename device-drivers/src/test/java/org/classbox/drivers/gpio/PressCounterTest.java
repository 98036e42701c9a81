package org.classbox.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class PressCounterTest {
    private static final long MS = 1_000_000;
    private final PressCounter counter = new PressCounter(50);

    @Test
    void counts_a_press_that_bounces_on_the_way_down_once() {
        assertTrue(counter.changed(true, 1000 * MS));
        assertFalse(counter.changed(false, 1001 * MS));
        assertFalse(counter.changed(true, 1002 * MS));
        assertEquals(1, counter.presses());
    }

    @Test
    void ignores_the_bounce_of_a_release_after_a_long_hold() {
        counter.changed(true, 1000 * MS);
        counter.changed(false, 3000 * MS);
        assertFalse(counter.changed(true, 3002 * MS), "a bounce 2 ms after release");
        counter.changed(false, 3003 * MS);
        assertEquals(1, counter.presses());
    }

    @Test
    void counts_a_quick_double_press() {
        counter.changed(true, 1000 * MS);
        counter.changed(false, 1100 * MS);
        assertTrue(counter.changed(true, 1200 * MS));
        assertEquals(2, counter.presses());
    }

    @Test
    void counts_every_edge_without_debounce() {
        PressCounter raw = new PressCounter(0);
        raw.changed(true, 0);
        raw.changed(false, 1);
        raw.changed(true, 2);
        assertEquals(2, raw.presses());
    }
}
