package org.classbox.sim.terminal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agent's BER codec on wire fixtures, then on truncated, oversized and garbage datagrams. */
@ExtendWith(TestGuard.class)
class SnmpCodecTest {
    /** What {@code snmpget -v2c -c public 127.0.0.1:1161 1.3.6.1.2.1.1.5.0} sends. */
    private static final byte[] GET_SYS_NAME = hex(
            "3029"                      // SEQUENCE, 41 bytes: the message
            + "020101"                  //   INTEGER 1: version v2c
            + "04067075626c6963"        //   OCTET STRING "public": community
            + "a01c"                    //   [0] GetRequest PDU, 28 bytes
            + "020412345678"            //     INTEGER 0x12345678: request-id
            + "020100"                  //     INTEGER 0: error-status
            + "020100"                  //     INTEGER 0: error-index
            + "300e"                    //     SEQUENCE, 14 bytes: varbind list
            + "300c"                    //       SEQUENCE, 12 bytes: one varbind
            + "06082b06010201010500"    //         OID 1.3.6.1.2.1.1.5.0 (sysName.0)
            + "0500");                  //         NULL: no value in a request

    /** The agent's answer: sysName.0 = "vsat-sim". */
    private static final byte[] RESPONSE_SYS_NAME = hex(
            "3031"                      // SEQUENCE, 49 bytes
            + "020101"                  //   version v2c
            + "04067075626c6963"        //   community "public"
            + "a224"                    //   [2] GetResponse PDU, 36 bytes
            + "020412345678"            //     request-id echoed
            + "020100020100"            //     error-status 0, error-index 0
            + "3016"                    //     varbind list, 22 bytes
            + "3014"                    //       varbind, 20 bytes
            + "06082b06010201010500"    //         OID sysName.0
            + "04087673 61742d73 696d".replace(" ", "")); //  OCTET STRING "vsat-sim"

    @Test
    void decodes_a_get_request_as_snmpget_sends_it() {
        SnmpMessage message = SnmpCodec.decode(GET_SYS_NAME);
        assertEquals(new SnmpMessage(1, "public", SnmpMessage.GET, 0x12345678, 0, 0,
                List.of(new SnmpMessage.VarBind("1.3.6.1.2.1.1.5.0", SnmpValue.nul()))), message);
    }

    @Test
    void encodes_the_get_response_byte_for_byte() {
        SnmpMessage response = SnmpCodec.decode(GET_SYS_NAME).response(
                List.of(new SnmpMessage.VarBind("1.3.6.1.2.1.1.5.0", SnmpValue.text("vsat-sim"))), 0, 0);
        assertArrayEquals(RESPONSE_SYS_NAME, SnmpCodec.encode(response));
    }

    @Test
    void round_trips_integers_at_their_edges_large_oids_and_exceptions() {
        List<SnmpMessage.VarBind> binds = List.of(
                new SnmpMessage.VarBind("1.3.6.1.4.1.32473.1.1.0", SnmpValue.integer(0)),
                new SnmpMessage.VarBind("1.3.6.1.4.1.32473.1.3.0", SnmpValue.integer(-180)),
                new SnmpMessage.VarBind("1.3.6.1.4.1.32473.1.2.0", SnmpValue.integer(127)),
                new SnmpMessage.VarBind("1.3.6.1.4.1.32473.1.4.0", SnmpValue.integer(128)),
                new SnmpMessage.VarBind("1.3.6.1.4.1.32473.1.5.0", SnmpValue.integer(Integer.MIN_VALUE)),
                new SnmpMessage.VarBind("1.3.6.1.2.1.1.3.0", SnmpValue.timeTicks(0xffffffffL)),
                new SnmpMessage.VarBind("2.999.4294967295.0", SnmpValue.exception(SnmpValue.NO_SUCH_OBJECT)),
                new SnmpMessage.VarBind("1.3.6.1.9", SnmpValue.exception(SnmpValue.END_OF_MIB_VIEW)));
        SnmpMessage message = new SnmpMessage(1, "public", SnmpMessage.RESPONSE, -7, 0, 0, binds);
        SnmpMessage back = SnmpCodec.decode(SnmpCodec.encode(message));
        assertEquals(message.varBinds().size(), back.varBinds().size());
        for (int i = 0; i < binds.size(); i++) {
            assertEquals(binds.get(i).oid(), back.varBinds().get(i).oid());
            assertEquals(binds.get(i).value().tag(), back.varBinds().get(i).value().tag());
            assertEquals(binds.get(i).value().value(), back.varBinds().get(i).value().value());
        }
        assertEquals(-7, back.requestId());
        // INTEGER 128 needs a leading zero byte: 02 02 00 80.
        assertTrue(HexFormat.of().formatHex(SnmpCodec.encode(message)).contains("0202008030"));
    }

    @Test
    void every_truncation_of_a_request_is_a_clear_error() {
        for (int length = 0; length < GET_SYS_NAME.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(GET_SYS_NAME, length);
            SnmpCodecException e = assertThrows(SnmpCodecException.class, () -> SnmpCodec.decode(cut),
                    "cut at " + length);
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("claims"), e.getMessage());
        }
    }

    @Test
    void malformed_fields_are_named() {
        assertError("3003020105", "version: only v1 (0) and v2c (1)");            // version 5
        assertError("30050201010400", "pdu: truncated");                         // no PDU
        assertError("3007020101040030 00", "pdu: tag 0x30 is not an SNMP PDU");
        assertError("30 85 00 00 00 00 01 00", "unsupported length form 0x85"); // at most 4 length bytes...
        assertError("3080", "unsupported length form 0x80");                     // ...indefinite is not
        assertError("1f0100", "multi-byte tag");
        assertError("30030201 01ff", "bytes after the message's end");
        assertError("3013020101040161a00b020101020100020100 3100", "varbind list: expected tag 0x30");
        assertError("3015020101040161a00d020101020100020100 3002 3000", "varbind 1 name: truncated");
        assertError("3019020101040161a011020101020100020100 3006 3004 0600 0500", "empty object identifier");
        assertError("301b020101040161a013020101020100020100 3008 3006 06012b 050100",
                "NULL-like value 0x5 must be empty");
        assertError("301a020101040161a012020101020100020100 3007 3005 060182 0500", "ends inside a sub-identifier");
    }

    @Test
    void oversized_datagrams_and_too_many_varbinds_are_refused() {
        SnmpCodecException big = assertThrows(SnmpCodecException.class,
                () -> SnmpCodec.decode(new byte[SnmpCodec.MAX_MESSAGE_BYTES + 1]));
        assertTrue(big.getMessage().contains("is over " + SnmpCodec.MAX_MESSAGE_BYTES), big.getMessage());
        List<SnmpMessage.VarBind> many = java.util.Collections.nCopies(SnmpCodec.MAX_VARBINDS + 1,
                new SnmpMessage.VarBind("1.3.6", SnmpValue.nul()));
        byte[] encoded = SnmpCodec.encode(new SnmpMessage(1, "c", SnmpMessage.GET, 1, 0, 0, many));
        SnmpCodecException e = assertThrows(SnmpCodecException.class, () -> SnmpCodec.decode(encoded));
        assertTrue(e.getMessage().contains("more than " + SnmpCodec.MAX_VARBINDS), e.getMessage());
    }

    @Test
    void random_garbage_never_crashes_the_decoder() {
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            byte[] junk = new byte[random.nextInt(80)];
            random.nextBytes(junk);
            if (junk.length > 0 && random.nextBoolean()) {
                junk[0] = 0x30;
            }
            try {
                SnmpCodec.decode(junk);
            } catch (SnmpCodecException expected) {
                // the only failure allowed
            }
        }
        byte[] flipped = GET_SYS_NAME.clone();
        for (int i = 0; i < flipped.length; i++) {
            byte[] one = GET_SYS_NAME.clone();
            one[i] = (byte) ~one[i];
            try {
                SnmpCodec.decode(one);
            } catch (SnmpCodecException expected) {
                // fine
            }
        }
        assertEquals(GET_SYS_NAME.length, flipped.length);
    }

    private static void assertError(String hexBytes, String fragment) {
        SnmpCodecException e = assertThrows(SnmpCodecException.class, () -> SnmpCodec.decode(hex(hexBytes)),
                hexBytes);
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should contain '" + fragment + "'");
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }
}
