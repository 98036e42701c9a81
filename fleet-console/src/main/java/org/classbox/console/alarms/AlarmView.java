package org.classbox.console.alarms;

import org.classbox.console.store.BoxKey;

/** One raise of an alarm; {@code device} empty for the box's own, null times and names for what has not happened. */
public record AlarmView(long id, BoxKey box, String device, String name, String reason, long raisedAt,
                        Long clearedAt, String ackedBy, Long ackedAt) {
}
