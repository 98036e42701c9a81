package org.classbox.console.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.classbox.console.sparkplug.SeqTracker.Seen;
import org.classbox.console.store.BoxKey;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A box's {@code seq} as the console follows it: holes, gaps, repeats and adoption. */
@ExtendWith(TestGuard.class)
class SeqTrackerTest {
    private static final BoxKey BOX = new BoxKey("g", "box-1");
    private static final long REORDER = 1_000;
    private final SeqTracker seqs = new SeqTracker(REORDER);

    @Test
    void messages_in_order_after_the_birth_wrap_after_255_and_leave_no_gap() {
        seqs.born(BOX, 0);
        for (int i = 1; i < 600; i++) {
            assertEquals(Seen.NEXT, seqs.observe(BOX, i % 256, 0));
        }
        assertFalse(seqs.holesOpen());
        assertEquals(List.of(), seqs.gaps(Long.MAX_VALUE));
    }

    @Test
    void a_duplicate_is_a_repeat_not_a_gap() {
        seqs.born(BOX, 0);
        seqs.observe(BOX, 1, 0);
        seqs.observe(BOX, 2, 0);
        assertEquals(Seen.REPEAT, seqs.observe(BOX, 1, 0));
        assertEquals(Seen.NEXT, seqs.observe(BOX, 3, 0));
        assertEquals(List.of(), seqs.gaps(Long.MAX_VALUE));
    }

    @Test
    void a_refused_message_sent_again_with_its_number_fills_its_hole_in_time() {
        seqs.born(BOX, 0);
        seqs.observe(BOX, 1, 0);
        assertEquals(Seen.HOLE, seqs.observe(BOX, 3, 100), "2 was refused by the broker");
        assertEquals(Seen.NEXT, seqs.observe(BOX, 4, 200));
        assertTrue(seqs.holesOpen());
        assertEquals(Seen.FILLED, seqs.observe(BOX, 2, 900));
        assertFalse(seqs.holesOpen());
        assertEquals(List.of(), seqs.gaps(10_000));
        assertEquals(Seen.NEXT, seqs.observe(BOX, 5, 1000));
    }

    @Test
    void a_message_that_never_comes_is_one_gap_after_the_reorder_timeout() {
        seqs.born(BOX, 0);
        assertEquals(Seen.HOLE, seqs.observe(BOX, 4, 100), "1, 2 and 3 lost");
        assertEquals(List.of(), seqs.gaps(100 + REORDER - 1));
        assertEquals(List.of(BOX), seqs.gaps(100 + REORDER));
        assertEquals(List.of(), seqs.gaps(100 + 2 * REORDER), "reported once");
        assertEquals(Seen.REPEAT, seqs.observe(BOX, 2, 5000), "too late to count");
    }

    @Test
    void a_box_whose_numbering_is_unknown_adopts_the_next_number_without_a_gap() {
        assertEquals(Seen.ADOPTED, seqs.observe(BOX, 77, 0), "the console restarted mid-session");
        assertEquals(Seen.NEXT, seqs.observe(BOX, 78, 0));
        seqs.died(BOX);
        assertEquals(Seen.ADOPTED, seqs.observe(BOX, 12, 0), "a late message after the death");
        seqs.forget(box -> box.boxId().equals("box-1"));
        assertEquals(Seen.ADOPTED, seqs.observe(BOX, 200, 0), "another console instance had the box meanwhile");
        assertEquals(List.of(), seqs.gaps(Long.MAX_VALUE));
    }

    @Test
    void a_new_birth_starts_the_numbering_again() {
        seqs.born(BOX, 0);
        seqs.observe(BOX, 1, 0);
        seqs.observe(BOX, 2, 0);
        seqs.born(BOX, 0);
        assertEquals(Seen.NEXT, seqs.observe(BOX, 1, 0));
        assertFalse(seqs.holesOpen());
    }

    @Test
    void boxes_are_followed_apart() {
        BoxKey other = new BoxKey("g", "box-2");
        seqs.born(BOX, 0);
        seqs.born(other, 0);
        seqs.observe(BOX, 1, 0);
        assertEquals(Seen.HOLE, seqs.observe(other, 2, 0));
        assertEquals(Seen.NEXT, seqs.observe(BOX, 2, 0));
        assertEquals(List.of(other), seqs.gaps(REORDER));
    }
}
