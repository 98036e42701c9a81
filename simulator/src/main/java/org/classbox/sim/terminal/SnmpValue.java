package org.classbox.sim.terminal;

import java.nio.charset.StandardCharsets;

/**
 * One SNMP value with its BER tag: INTEGER, OCTET STRING, NULL, OBJECT IDENTIFIER, the application types the agent
 * serves (Counter32, Gauge32, TimeTicks), and the v2c exceptions (noSuchObject, noSuchInstance, endOfMibView).
 * {@code value} is a Long, byte[], String (OID) or null.
 */
public record SnmpValue(int tag, Object value) {
    public static final int INTEGER = 0x02;
    public static final int OCTET_STRING = 0x04;
    public static final int NULL = 0x05;
    public static final int OID = 0x06;
    public static final int COUNTER32 = 0x41;
    public static final int GAUGE32 = 0x42;
    public static final int TIME_TICKS = 0x43;
    public static final int NO_SUCH_OBJECT = 0x80;
    public static final int NO_SUCH_INSTANCE = 0x81;
    public static final int END_OF_MIB_VIEW = 0x82;

    public static SnmpValue integer(long value) {
        return new SnmpValue(INTEGER, value);
    }

    public static SnmpValue text(String value) {
        return new SnmpValue(OCTET_STRING, value.getBytes(StandardCharsets.UTF_8));
    }

    public static SnmpValue timeTicks(long hundredths) {
        return new SnmpValue(TIME_TICKS, hundredths & 0xffffffffL);
    }

    public static SnmpValue nul() {
        return new SnmpValue(NULL, null);
    }

    public static SnmpValue exception(int tag) {
        return new SnmpValue(tag, null);
    }

    byte[] encode() {
        return switch (tag) {
            case INTEGER, COUNTER32, GAUGE32, TIME_TICKS -> BerWriter.integer(tag, (Long) value);
            case OCTET_STRING -> BerWriter.tlv(tag, (byte[]) value);
            case OID -> BerWriter.oid((String) value);
            default -> BerWriter.tlv(tag, new byte[0]);
        };
    }

    static SnmpValue decode(int tag, BerReader content, String what) {
        return switch (tag) {
            case INTEGER -> new SnmpValue(tag, content.integer(what, false));
            case COUNTER32, GAUGE32, TIME_TICKS -> new SnmpValue(tag, content.integer(what, true));
            case OCTET_STRING -> new SnmpValue(tag, content.content());
            case OID -> new SnmpValue(tag, content.oid(what));
            case NULL, NO_SUCH_OBJECT, NO_SUCH_INSTANCE, END_OF_MIB_VIEW -> {
                if (content.hasMore()) {
                    throw new SnmpCodecException(what + ": NULL-like value 0x" + Integer.toHexString(tag)
                            + " must be empty");
                }
                yield new SnmpValue(tag, null);
            }
            default -> throw new SnmpCodecException(what + ": unsupported value tag 0x" + Integer.toHexString(tag));
        };
    }
}
