package org.classbox.drivers.pjlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.classbox.drivers.api.DeviceException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Class 2 values from real reply lines, the text after {@code =}; and the %2 framing in {@link PjlinkCodec}. */
@ExtendWith(TestGuard.class)
class Class2ValuesTest {
    private static final String DEVICE = "projector at 10.0.0.9:4352";

    @Test
    void reads_class_2_replies_field_by_field() {
        // %2SNUM=X4KG0012345: serial number, printable ASCII up to 32 bytes
        assertEquals("X4KG0012345", Class2Values.parseText(DEVICE, "SNUM", "X4KG0012345"));
        // %2FILT=812: filter hours, 0-99999
        assertEquals(812, Class2Values.parseFilterHours(DEVICE, "812"));
        assertEquals(99_999, Class2Values.parseFilterHours(DEVICE, "99999"));
        // %2IRES=1920x1080: horizontal x vertical; - no signal; * unknown
        assertEquals("1920x1080", Class2Values.parseResolution(DEVICE, "1920x1080"));
        assertEquals("-", Class2Values.parseResolution(DEVICE, "-"));
        assertEquals("*", Class2Values.parseResolution(DEVICE, "*"));
        // %2FREZ=1: frozen
        assertTrue(Class2Values.parseFreeze(DEVICE, "1"));
        assertFalse(Class2Values.parseFreeze(DEVICE, "0"));
        // %2AVMT=31: video and audio muted; 11 video only; 21 audio only; 30 neither
        assertEquals(new Class2Values.Mute(true, true), Class2Values.parseMute(DEVICE, "31"));
        assertEquals(new Class2Values.Mute(true, false), Class2Values.parseMute(DEVICE, "11"));
        assertEquals(new Class2Values.Mute(false, true), Class2Values.parseMute(DEVICE, "21"));
        assertEquals(new Class2Values.Mute(false, false), Class2Values.parseMute(DEVICE, "30"));
        // %2INNM=R\xc3\xa9seau: input name in UTF-8, one char per byte on the wire
        assertEquals("R\u00e9seau", Class2Values.parseInputName(DEVICE, "R\u00c3\u00a9seau"));
    }

    @Test
    void malformed_truncated_and_oversized_values_are_protocol_errors_naming_device_and_command() {
        assertProtocol("SNUM value must be at most 32 bytes", () -> Class2Values.parseText(DEVICE, "SNUM",
                "s".repeat(33)));
        assertProtocol("SVER value must not hold control characters", () -> Class2Values.parseText(DEVICE, "SVER",
                "1.0\u0001"));
        assertProtocol("RLMP value must be printable ASCII", () -> Class2Values.parseText(DEVICE, "RLMP",
                "\u00e9"));
        assertProtocol("FILT value must be 1-5 digits", () -> Class2Values.parseFilterHours(DEVICE, "100000"));
        assertProtocol("FILT value must be 1-5 digits", () -> Class2Values.parseFilterHours(DEVICE, ""));
        assertProtocol("IRES value must be", () -> Class2Values.parseResolution(DEVICE, "1920x"));
        assertProtocol("IRES value must be", () -> Class2Values.parseResolution(DEVICE, "0x0"));
        assertProtocol("FREZ value must be 0 or 1", () -> Class2Values.parseFreeze(DEVICE, "2"));
        assertProtocol("AVMT value must be", () -> Class2Values.parseMute(DEVICE, "3"));
        assertProtocol("INNM value must be at most 64 bytes", () -> Class2Values.parseInputName(DEVICE,
                "n".repeat(65)));
        assertProtocol("INNM value must be at most 64 bytes", () -> Class2Values.parseInputName(DEVICE,
                "n".repeat(10_240)));
    }

    @Test
    void class_2_requests_and_replies_carry_their_class() {
        assertEquals("%2INNM ?31\r", PjlinkCodec.query('2', "INNM", "31"));
        assertEquals("%2FREZ 1\r", PjlinkCodec.set('2', "FREZ", "1"));
        assertEquals(new QueryReply(QueryReply.Outcome.VALUE, "812"),
                PjlinkCodec.parseQueryReply(DEVICE, '2', "FILT", "%2FILT=812"));
        assertEquals(QueryReply.Outcome.UNDEFINED, PjlinkCodec.parseQueryReply(DEVICE, '2', "FILT", "%2FILT=ERR1")
                .outcome());
        assertEquals(DeviceException.Kind.AUTH, assertThrows(DeviceException.class,
                () -> PjlinkCodec.parseQueryReply(DEVICE, '2', "SNUM", "%2SNUM=ERRA")).kind());
        assertProtocol("expected a reply to FILT", () -> PjlinkCodec.parseQueryReply(DEVICE, '2', "FILT",
                "%1FILT=812"));
        assertThrows(IllegalArgumentException.class, () -> PjlinkCodec.query('3', "FILT", ""));
    }

    private static void assertProtocol(String expected, org.junit.jupiter.api.function.Executable parse) {
        DeviceException e = assertThrows(DeviceException.class, parse);
        assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().startsWith(DEVICE + ": ") && e.getMessage().contains(expected), e.getMessage());
    }
}
