package org.classbox.agent.lessons.hls;

/** A playlist could not be read; the message names the line and what was wrong with it. */
public final class PlaylistException extends RuntimeException {
    public PlaylistException(String message) {
        super(message);
    }
}
