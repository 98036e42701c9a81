package org.classbox.console.commands;

import org.classbox.console.store.BoxKey;

/** One row of the commands table; {@code device} empty for the node, {@code answeredAt} null while unanswered. */
public record CommandView(long id, BoxKey box, String device, String name, String value, String operator,
                          long sentAt, String state, String outcome, Long answeredAt) {
}
