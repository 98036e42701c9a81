package org.classbox.sparkplug.lessons;

/**
 * A schedule message that does not follow the contract. The message names the field (for example
 * {@code lessons[2].end}) and what was expected; it is what the box reports back as {@code Schedule/Error}, so it
 * carries no stack trace or internals.
 */
public class ScheduleException extends RuntimeException {
    public ScheduleException(String message) {
        super(message);
    }
}
