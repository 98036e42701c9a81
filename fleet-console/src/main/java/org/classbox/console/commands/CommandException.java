package org.classbox.console.commands;

/** Why a command was not sent, with a message fit for the operator. */
public final class CommandException extends RuntimeException {
    /** What went wrong: the box or device is unknown (nothing written), or the broker did not take it. */
    public enum Kind { NO_BOX, NO_DEVICE, NOT_SENT }

    private final Kind kind;

    public CommandException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
