package org.classbox.agent.lessons.storage;

/** A lesson store failed; the message names the file and what was asked. */
public final class LessonStorageException extends RuntimeException {
    public LessonStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
