package org.classbox.agent.journal;

/** A stored journal entry with its id, unique and increasing within one journal {@code epoch}. */
public record JournalRecord(long id, JournalEntry entry) {
}
