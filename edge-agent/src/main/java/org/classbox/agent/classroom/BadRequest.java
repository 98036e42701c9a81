package org.classbox.agent.classroom;

/**
 * A request body the local API refuses, naming the field at fault; its message goes back to the caller as is (no
 * internals in it).
 */
final class BadRequest extends Exception {
    private final String field;

    BadRequest(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    String field() {
        return field;
    }
}
