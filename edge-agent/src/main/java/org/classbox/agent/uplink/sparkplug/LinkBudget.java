package org.classbox.agent.uplink.sparkplug;

import java.util.EnumSet;
import java.util.Set;
import org.classbox.agent.config.BandwidthConfig;
import org.classbox.agent.journal.RecordClass;
import org.classbox.agent.uplink.ByteMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day's link budget ({@code bandwidth.dailyBudgetMegabytes}): once the bytes of health and bulk sent today reach
 * it, only alarms and events go and the rest waits in the journal until the next UTC day. Used on the agent's
 * context.
 */
final class LinkBudget {
    private static final Logger log = LoggerFactory.getLogger(LinkBudget.class);

    private final BandwidthConfig bandwidth;
    private final ByteMeter bytes;
    private boolean spent;

    LinkBudget(BandwidthConfig bandwidth, ByteMeter bytes) {
        this.bandwidth = bandwidth;
        this.bytes = bytes;
    }

    /** The record classes that may go now. */
    Set<RecordClass> sendable() {
        return spent ? EnumSet.of(RecordClass.ALARM, RecordClass.EVENT) : EnumSet.allOf(RecordClass.class);
    }

    /** Looks at today's bytes again; true when that changed what may go (the forwarder must read again). */
    boolean changed() {
        boolean over = bandwidth.dailyBudgetMegabytes() > 0 && bytes.nonUrgentToday() >= bandwidth.dailyBudgetBytes();
        if (over == spent) {
            return false;
        }
        spent = over;
        log.warn(over ? "daily link budget of {} MB spent: health and bulk wait in the journal until tomorrow (UTC)"
                : "new day: the link budget of {} MB is available again", bandwidth.dailyBudgetMegabytes());
        return true;
    }
}
