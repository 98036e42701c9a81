package org.classbox.agent.lessons.storage;

import java.util.List;

/**
 * What one retention pass did.
 *
 * @param evicted    lessons deleted, oldest first
 * @param freedBytes bytes they took
 * @param usedBytes  lessons' bytes on disk after the pass
 * @param overBudget whether {@code usedBytes} is still over the budget (only kept lessons remain)
 */
public record RetentionReport(List<String> evicted, long freedBytes, long usedBytes, boolean overBudget) {
    public RetentionReport {
        evicted = List.copyOf(evicted);
    }
}
