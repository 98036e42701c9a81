package org.classbox.sim.terminal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and encodes SNMP v1/v2c messages (RFC 3416 PDUs in BER). Pure: bytes in, a message out, or a
 * {@link SnmpCodecException} saying what is wrong; never a crash on garbage, truncation or oversized input.
 */
public final class SnmpCodec {
    /** The agent accepts datagrams up to this size; SNMP over UDP must accept at least 484 bytes (RFC 3417). */
    public static final int MAX_MESSAGE_BYTES = 1472;
    /** More than this many varbinds in one request is refused as too big. */
    public static final int MAX_VARBINDS = 64;

    private SnmpCodec() {
    }

    public static SnmpMessage decode(byte[] datagram) {
        if (datagram.length > MAX_MESSAGE_BYTES) {
            throw new SnmpCodecException("message of " + datagram.length + " bytes is over " + MAX_MESSAGE_BYTES);
        }
        BerReader outer = new BerReader(datagram, 0, datagram.length);
        BerReader message = outer.next(0x30, "message");
        if (outer.hasMore()) {
            throw new SnmpCodecException("message: bytes after the message's end");
        }
        long version = message.next(SnmpValue.INTEGER, "version").integer("version", false);
        if (version != 0 && version != 1) {
            throw new SnmpCodecException("version: only v1 (0) and v2c (1) are understood, but was " + version);
        }
        String community = new String(message.next(SnmpValue.OCTET_STRING, "community").content(),
                StandardCharsets.ISO_8859_1);
        int pduType = message.peekTag("pdu");
        if (pduType < 0xA0 || pduType > 0xA8) {
            throw new SnmpCodecException("pdu: tag 0x" + Integer.toHexString(pduType) + " is not an SNMP PDU");
        }
        BerReader pdu = message.nextAny("pdu");
        int requestId = (int) pdu.next(SnmpValue.INTEGER, "request-id").integer("request-id", false);
        int errorStatus = (int) pdu.next(SnmpValue.INTEGER, "error-status").integer("error-status", false);
        int errorIndex = (int) pdu.next(SnmpValue.INTEGER, "error-index").integer("error-index", false);
        BerReader list = pdu.next(0x30, "varbind list");
        List<SnmpMessage.VarBind> binds = new ArrayList<>();
        while (list.hasMore()) {
            if (binds.size() == MAX_VARBINDS) {
                throw new SnmpCodecException("varbind list: more than " + MAX_VARBINDS + " varbinds");
            }
            String what = "varbind " + (binds.size() + 1);
            BerReader bind = list.next(0x30, what);
            String oid = bind.next(SnmpValue.OID, what + " name").oid(what + " name");
            int tag = bind.peekTag(what + " value");
            SnmpValue value = SnmpValue.decode(tag, bind.nextAny(what + " value"), what + " value");
            if (bind.hasMore()) {
                throw new SnmpCodecException(what + ": bytes after its value");
            }
            binds.add(new SnmpMessage.VarBind(oid, value));
        }
        if (message.hasMore() || pdu.hasMore()) {
            throw new SnmpCodecException("message: bytes after the PDU");
        }
        return new SnmpMessage((int) version, community, pduType, requestId, errorStatus, errorIndex, binds);
    }

    public static byte[] encode(SnmpMessage message) {
        List<byte[]> binds = new ArrayList<>();
        for (SnmpMessage.VarBind bind : message.varBinds()) {
            binds.add(BerWriter.sequence(0x30, BerWriter.oid(bind.oid()), bind.value().encode()));
        }
        byte[] pdu = BerWriter.sequence(message.pduType(),
                BerWriter.integer(SnmpValue.INTEGER, message.requestId()),
                BerWriter.integer(SnmpValue.INTEGER, message.errorStatus()),
                BerWriter.integer(SnmpValue.INTEGER, message.errorIndex()),
                BerWriter.sequence(0x30, binds.toArray(byte[][]::new)));
        return BerWriter.sequence(0x30, BerWriter.integer(SnmpValue.INTEGER, message.version()),
                BerWriter.tlv(SnmpValue.OCTET_STRING, message.community().getBytes(StandardCharsets.ISO_8859_1)),
                pdu);
    }
}
