package org.classbox.agent.journal;

/**
 * A journal operation that failed; the message names the operation, the file and the record ids involved, and
 * {@link #kind()} says what kind of trouble it is, so a caller can tell a full disk (wait, it passes) from a journal
 * another agent holds (stop: never touch its data).
 */
public final class JournalException extends RuntimeException {
    /** What went wrong, as far as the journal can tell. */
    public enum Kind {
        /** Another process holds the journal's files. */
        LOCKED,
        /** The data directory or a file in it cannot be written (read-only file system, permissions). */
        READ_ONLY,
        /** The file system has no room left (below {@code journal.minFreeMegabytes}, or ENOSPC). */
        DISK_FULL,
        /** Any other input/output or database failure. */
        IO
    }

    private final Kind kind;

    public JournalException(String message, Throwable cause) {
        this(Kind.IO, message, cause);
    }

    public JournalException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The kind of a failure from its cause chain: the messages the JDK and H2 use for each condition. */
    static Kind kindOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JournalException j && j.kind != Kind.IO) {
                return j.kind;
            }
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return Kind.LOCKED;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
                return Kind.DISK_FULL;
            }
            if (message.contains("Read-only file system") || t instanceof java.nio.file.AccessDeniedException
                    || message.contains("Permission denied")) {
                return Kind.READ_ONLY;
            }
            if (message.contains("The file is locked")) {
                return Kind.LOCKED;
            }
        }
        return Kind.IO;
    }
}
