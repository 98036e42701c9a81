package org.classbox.agent.journal;

/** Whether the journal can store what it is given. */
public enum StorageState {
    /** Appends are taken. */
    OK,
    /**
     * The file system is full (free space below {@code journal.minFreeMegabytes}, or a write failed with ENOSPC):
     * appends are refused with a {@link JournalException} of kind {@code DISK_FULL}; reads and removals go on while
     * H2 can serve them. The journal checks every few seconds and returns to {@link #OK} by itself once space is back.
     */
    DISK_FULL,
    /** A write failed for another reason; the journal retries reopening its files every few seconds. */
    FAILED
}
