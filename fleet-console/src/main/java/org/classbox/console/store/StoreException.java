package org.classbox.console.store;

/** A store operation that failed; the message names the operation and the box. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
