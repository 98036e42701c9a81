package org.classbox.drivers.pjlink;

/**
 * A projector's reply to a query: a value, or the PJLink error code it answered instead.
 *
 * @param value the text after {@code =}, or null unless {@code outcome} is VALUE
 */
public record QueryReply(Outcome outcome, String value) {
    /** What the projector said, per the PJLink Class 1 error codes. */
    public enum Outcome {
        /** A value. */
        VALUE,
        /** ERR1: this projector does not know the command (a laser has no LAMP). */
        UNDEFINED,
        /** ERR2: out of parameter; answered by some projectors to a query they do not support. */
        OUT_OF_PARAMETER,
        /** ERR3: unavailable time, for example INPT in standby. Ask again later. */
        UNAVAILABLE,
        /** ERR4: projector or display failure. */
        FAILURE
    }

    /** Whether the answer says the projector will never support this query (ERR1 or ERR2). */
    public boolean unsupported() {
        return outcome == Outcome.UNDEFINED || outcome == Outcome.OUT_OF_PARAMETER;
    }
}
