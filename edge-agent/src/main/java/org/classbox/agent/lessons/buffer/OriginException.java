package org.classbox.agent.lessons.buffer;

/** A request to a lesson origin failed: the link ({@code linkDown}) or the origin's answer (bad status, size, body). */
final class OriginException extends RuntimeException {
    private final boolean linkDown;

    OriginException(String message, boolean linkDown) {
        super(message);
        this.linkDown = linkDown;
    }

    boolean linkDown() {
        return linkDown;
    }
}
