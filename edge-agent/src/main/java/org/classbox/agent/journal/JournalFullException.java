package org.classbox.agent.journal;

/**
 * An append refused because the journal's budget is used up by records that may not be dropped for it (alarms and
 * events). Nothing stored was changed.
 */
public final class JournalFullException extends RuntimeException {
    public JournalFullException(String message) {
        super(message);
    }
}
