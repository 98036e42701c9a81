package org.classbox.agent.uplink.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.classbox.agent.config.BandwidthConfig;
import org.classbox.agent.journal.RecordClass;
import org.classbox.agent.uplink.ByteMeter;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class LinkBudgetTest {
    private static final long DAY = 86_400_000L;

    @Test
    void health_and_bulk_wait_once_the_day_is_spent_and_go_again_the_next_day() {
        AtomicLong now = new AtomicLong(1_790_000_000_000L);
        ByteMeter bytes = new ByteMeter(now::get);
        LinkBudget budget = new LinkBudget(new BandwidthConfig(1, 60), bytes);
        assertFalse(budget.changed());
        assertEquals(EnumSet.allOf(RecordClass.class), budget.sendable());

        bytes.count(RecordClass.ALARM, 2 * 1_048_576);
        assertFalse(budget.changed(), "alarms do not spend the budget");
        bytes.count(RecordClass.HEALTH, 1_048_576);
        assertTrue(budget.changed());
        assertEquals(EnumSet.of(RecordClass.ALARM, RecordClass.EVENT), budget.sendable());
        assertFalse(budget.changed(), "told once");

        now.addAndGet(DAY);
        assertTrue(budget.changed());
        assertEquals(EnumSet.allOf(RecordClass.class), budget.sendable());
    }

    @Test
    void no_budget_never_holds_anything_back() {
        ByteMeter bytes = new ByteMeter(() -> 1_790_000_000_000L);
        LinkBudget budget = new LinkBudget(new BandwidthConfig(0, 60), bytes);
        bytes.count(RecordClass.HEALTH, 1L << 40);
        assertFalse(budget.changed());
        assertEquals(EnumSet.allOf(RecordClass.class), budget.sendable());
    }
}
