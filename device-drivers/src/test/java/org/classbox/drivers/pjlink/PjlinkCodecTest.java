package org.classbox.drivers.pjlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
