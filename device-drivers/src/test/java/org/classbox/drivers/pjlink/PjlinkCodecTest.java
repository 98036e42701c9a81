package org.classbox.drivers.pjlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.classbox.drivers.api.DeviceException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class PjlinkCodecTest {
    private static final String DEVICE = "projector at 10.0.0.9:4352";

    @Test
    void builds_class_1_queries_and_commands_byte_for_byte() {
        // '%' header, '1' class, 4-letter command, space, parameter, CR terminator
        assertEquals("%1POWR ?\r", PjlinkCodec.query("POWR"));
        assertEquals("%1INPT 31\r", PjlinkCodec.set("INPT", "31"));
        assertThrows(IllegalArgumentException.class, () -> PjlinkCodec.query("pow"));
        assertThrows(IllegalArgumentException.class, () -> PjlinkCodec.set("INPT", "3\r1"));
    }

    @Test
    void reads_greetings_with_and_without_authentication() {
        assertEquals(new PjlinkCodec.Greeting(false, null), PjlinkCodec.parseGreeting(DEVICE, "PJLINK 0"));
        // "PJLINK 1 " then the 8 hex digit random number the digest is salted with
        assertEquals(new PjlinkCodec.Greeting(true, "498e4a67"), PjlinkCodec.parseGreeting(DEVICE, "PJLINK 1 498e4a67"));
        DeviceException e = assertThrows(DeviceException.class, () -> PjlinkCodec.parseGreeting(DEVICE, "HTTP/1.1 400"));
        assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().startsWith(DEVICE + ": expected a PJLink greeting"), e.getMessage());
    }

    @Test
    void auth_digest_is_md5_of_random_and_password_as_the_spec_example() {
        // PJLink spec example: random 498e4a67, password JBMIAProjectorLink
        assertEquals("5d8409bc1c3fa39749434aa3a5c38682", PjlinkCodec.authDigest("498e4a67", "JBMIAProjectorLink"));
    }

    @Test
    void reads_reply_values_and_maps_error_codes() {
        assertEquals("1", PjlinkCodec.replyValue(DEVICE, "POWR", "%1POWR=1"));
        assertEquals("OK", PjlinkCodec.replyValue(DEVICE, "POWR", "%1POWR=OK"));
        assertEquals("ERR3", PjlinkCodec.replyValue(DEVICE, "LAMP", "%1LAMP=ERR3"));
        assertEquals(DeviceException.Kind.REJECTED,
                assertThrows(DeviceException.class, () -> PjlinkCodec.replyValue(DEVICE, "INPT", "%1INPT=ERR2")).kind());
        assertEquals(DeviceException.Kind.AUTH,
                assertThrows(DeviceException.class, () -> PjlinkCodec.replyValue(DEVICE, "POWR", "PJLINK ERRA")).kind());
        assertEquals(DeviceException.Kind.PROTOCOL,
                assertThrows(DeviceException.class, () -> PjlinkCodec.replyValue(DEVICE, "POWR", "%1INPT=31")).kind());
    }

    @Test
    void parses_power_input_lamps_and_errors() {
        assertEquals(PowerState.WARMING, PjlinkCodec.parsePower(DEVICE, "3"));
        assertEquals(PowerState.COOLING, PjlinkCodec.parsePower(DEVICE, "2"));
        assertEquals("31", PjlinkCodec.parseInput(DEVICE, "31"));
        assertNull(PjlinkCodec.parseInput(DEVICE, "ERR3"));
        // lamp 1: 12345 hours, on; lamp 2: 200 hours, off
        assertEquals(12345, PjlinkCodec.parseLampHours(DEVICE, "12345 1 200 0"));
        assertEquals(-1, PjlinkCodec.parseLampHours(DEVICE, "ERR3"));
        // fan ok, lamp warning, temperature error, cover ok, filter warning, other ok
        Map<ErrorPart, ErrorLevel> errors = PjlinkCodec.parseErrors(DEVICE, "012010");
        assertEquals(ErrorLevel.WARNING, errors.get(ErrorPart.LAMP));
        assertEquals(ErrorLevel.ERROR, errors.get(ErrorPart.TEMPERATURE));
        assertEquals("lamp:warning,temperature:error,filter:warning",
                new ProjectorStatus(PowerState.ON, "31", 1, errors).errorSummary());
        assertEquals("ok", new ProjectorStatus(PowerState.ON, "31", 1, PjlinkCodec.parseErrors(DEVICE, "000000"))
                .errorSummary());
    }

    @Test
    void garbage_values_name_the_field_and_show_the_bytes() {
        DeviceException power = assertThrows(DeviceException.class, () -> PjlinkCodec.parsePower(DEVICE, "7"));
        assertTrue(power.getMessage().contains("POWR value must be 0-3, but was '7'"), power.getMessage());
        DeviceException lamp = assertThrows(DeviceException.class,
                () -> PjlinkCodec.parseLampHours(DEVICE, "lots\u0001"));
        assertTrue(lamp.getMessage().contains("'lots\\x01'"), lamp.getMessage());
        assertThrows(DeviceException.class, () -> PjlinkCodec.parseErrors(DEVICE, "0123"));
        assertThrows(DeviceException.class, () -> PjlinkCodec.parseInput(DEVICE, "HDMI"));
    }

    @Test
    void oversized_line_is_refused() {
        DeviceException e = assertThrows(DeviceException.class,
                () -> PjlinkCodec.replyValue(DEVICE, "NAME", "%1NAME=" + "x".repeat(200)));
        assertTrue(e.getMessage().contains("exceeds the PJLink limit of 136"), e.getMessage());
    }
    @Test
    void query_replies_keep_error_codes_as_outcomes_not_failures() {
        // "%1" header and class, "LAMP" command, "=", then the value: 1234 hours, lamp on
        assertEquals(new QueryReply(QueryReply.Outcome.VALUE, "1234 1"),
                PjlinkCodec.parseQueryReply(DEVICE, "LAMP", "%1LAMP=1234 1"));
        // ERR1: undefined command, what a laser or LED projector answers to LAMP
        QueryReply laser = PjlinkCodec.parseQueryReply(DEVICE, "LAMP", "%1LAMP=ERR1");
        assertEquals(QueryReply.Outcome.UNDEFINED, laser.outcome());
        assertTrue(laser.unsupported());
        // ERR2: out of parameter, answered by some projectors to a query they lack
        assertTrue(PjlinkCodec.parseQueryReply(DEVICE, "INPT", "%1INPT=ERR2").unsupported());
        // ERR3: unavailable time (standby), ERR4: projector failure; neither means "never supported"
        assertEquals(QueryReply.Outcome.UNAVAILABLE, PjlinkCodec.parseQueryReply(DEVICE, "INPT", "%1INPT=ERR3").outcome());
        QueryReply failing = PjlinkCodec.parseQueryReply(DEVICE, "ERST", "%1ERST=ERR4");
        assertEquals(QueryReply.Outcome.FAILURE, failing.outcome());
        assertFalse(failing.unsupported());
        // NAME may be empty: "%1NAME=" then CR
        assertEquals(new QueryReply(QueryReply.Outcome.VALUE, ""), PjlinkCodec.parseQueryReply(DEVICE, "NAME", "%1NAME="));
        assertEquals(DeviceException.Kind.AUTH, assertThrows(DeviceException.class,
                () -> PjlinkCodec.parseQueryReply(DEVICE, "LAMP", "PJLINK ERRA")).kind());
        assertEquals(DeviceException.Kind.PROTOCOL, assertThrows(DeviceException.class,
                () -> PjlinkCodec.parseQueryReply(DEVICE, "LAMP", "%1POWR=1")).kind());
        assertEquals(DeviceException.Kind.PROTOCOL, assertThrows(DeviceException.class,
                () -> PjlinkCodec.parseQueryReply(DEVICE, "LAMP", "%1LAMP")).kind());
    }

    @Test
    void identity_fields_keep_to_the_spec_limits() {
        // NAME: up to 64 bytes; UTF-8 bytes arrive one char per byte and are decoded ("Salle 3" with e-acute)
        String utf8OnWire = new String("Salle \u00e9 3".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("Salle \u00e9 3", PjlinkCodec.parseName(DEVICE, utf8OnWire));
        assertEquals("n".repeat(64), PjlinkCodec.parseName(DEVICE, "n".repeat(64)));
        DeviceException longName = assertThrows(DeviceException.class,
                () -> PjlinkCodec.parseName(DEVICE, "n".repeat(65)));
        assertTrue(longName.getMessage().contains("NAME value must be at most 64 bytes, but was 65"),
                longName.getMessage());
        // Latin-1 bytes that are not UTF-8 are kept as they came
        assertEquals("caf\u00e9", PjlinkCodec.parseName(DEVICE, "caf\u00e9"));
        assertThrows(DeviceException.class, () -> PjlinkCodec.parseName(DEVICE, "bell\u0007"));
        // INF1 manufacturer / INF2 product: up to 32 bytes of printable ASCII
        assertEquals("EPSON", PjlinkCodec.parseInfo(DEVICE, "INF1", "EPSON"));
        assertEquals("m".repeat(32), PjlinkCodec.parseInfo(DEVICE, "INF2", "m".repeat(32)));
        assertThrows(DeviceException.class, () -> PjlinkCodec.parseInfo(DEVICE, "INF2", "m".repeat(33)));
        assertThrows(DeviceException.class, () -> PjlinkCodec.parseInfo(DEVICE, "INF1", "caf\u00e9"));
        // CLSS: one digit
        assertEquals("1", PjlinkCodec.parseClass(DEVICE, "1"));
        assertEquals("2", PjlinkCodec.parseClass(DEVICE, "2"));
        assertThrows(DeviceException.class, () -> PjlinkCodec.parseClass(DEVICE, "12"));
        assertThrows(DeviceException.class, () -> PjlinkCodec.parseClass(DEVICE, "A"));
    }

    @Test
    void lamp_replies_hold_one_to_eight_lamps_of_up_to_99999_hours() {
        // eight lamps: hours then 0 (off) or 1 (on) for each; the first lamp's hours are reported
        assertEquals(99999, PjlinkCodec.parseLampHours(DEVICE, "99999 1 1 0 2 0 3 0 4 0 5 0 6 0 7 0"));
        assertThrows(DeviceException.class,
                () -> PjlinkCodec.parseLampHours(DEVICE, "1 1 1 0 2 0 3 0 4 0 5 0 6 0 7 0 8 0"), "nine lamps");
        assertThrows(DeviceException.class, () -> PjlinkCodec.parseLampHours(DEVICE, "100000 1"), "six digits");
        assertThrows(DeviceException.class, () -> PjlinkCodec.parseLampHours(DEVICE, "12 2"), "lit must be 0 or 1");
        assertThrows(DeviceException.class, () -> PjlinkCodec.parseLampHours(DEVICE, "12"), "truncated");
    }
}
