package org.classbox.console.pki;

/**
 * An enrollment or PKI request refused, with the HTTP status it is answered with and a message safe to show the box
 * or operator (no internals). Thrown inside store transactions so nothing they began is committed.
 */
final class EnrollException extends RuntimeException {
    private final int status;

    EnrollException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
