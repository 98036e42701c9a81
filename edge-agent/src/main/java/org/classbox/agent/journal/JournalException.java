package org.classbox.agent.journal;

/** A journal operation that failed; the message names the operation, the file and the record ids involved. */
public final class JournalException extends RuntimeException {
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
