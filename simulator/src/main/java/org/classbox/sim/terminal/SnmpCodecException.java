package org.classbox.sim.terminal;

/** An SNMP message that is not valid BER or not a message the agent understands; the message says what and where. */
public final class SnmpCodecException extends RuntimeException {
    public SnmpCodecException(String message) {
        super(message);
    }
}
