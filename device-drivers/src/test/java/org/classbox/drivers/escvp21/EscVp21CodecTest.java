package org.classbox.drivers.escvp21;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.escvp21.EscVp21Codec.Answer;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The codec and framer on the bytes an Epson projector sends, and on what a broken line sends instead. */
@ExtendWith(TestGuard.class)
class EscVp21CodecTest {
    private static final String DEVICE = "serial projector p1 at /dev/ttyUSB0@9600";

    @Test
    void requests_are_ascii_ending_in_cr() {
        // 'P' 'W' 'R' '?' CR
        assertArrayEquals(new byte[] {0x50, 0x57, 0x52, 0x3F, 0x0D}, EscVp21Codec.request("PWR?"));
        // "SOURCE 30" CR: command, one space, two hex digits
        assertArrayEquals("SOURCE 30\r".getBytes(StandardCharsets.US_ASCII), EscVp21Codec.request("SOURCE 30"));
        assertThrows(IllegalArgumentException.class, () -> EscVp21Codec.request("PWR ON\rPWR OFF"));
    }

    @Test
    void frames_a_reply_at_the_prompt_even_when_it_comes_in_pieces() {
        ReplyFramer framer = new ReplyFramer(DEVICE);
        // "PWR=0" ... "1" CR ":" : the serial line delivers a few bytes at a time
        assertNull(feed(framer, "PWR=0"));
        assertEquals("PWR=0", framer.partial());
        assertEquals("PWR=01\r", feed(framer, "1\r:"));
        // a bare prompt: the answer to a command carried out, or to the ready check
        assertEquals("", feed(framer, ":"));
    }

    @Test
    void oversized_reply_without_a_prompt_is_a_protocol_error_naming_the_device() {
        ReplyFramer framer = new ReplyFramer(DEVICE);
        assertNull(feed(framer, "X".repeat(EscVp21Codec.MAX_REPLY)));
        DeviceException e = assertThrows(DeviceException.class, () -> feed(framer, "XX"));
        assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().startsWith(DEVICE + ": sent 130 bytes without the ':' prompt"), e.getMessage());
        assertEquals("", framer.partial(), "what was dropped is not kept");
    }

    @Test
    void reads_query_values_and_refusals() {
        // PWR=01 CR: power status "on"
        assertEquals(new Answer("01", false), EscVp21Codec.parseQuery(DEVICE, "PWR", "PWR=01\r"));
        // ERR CR: refused (SOURCE? in standby)
        assertTrue(EscVp21Codec.parseQuery(DEVICE, "SOURCE", "ERR\r").refused());
        // a bridge that turns CR into CR LF is tolerated
        assertEquals("1234", EscVp21Codec.parseQuery(DEVICE, "LAMP", "LAMP=1234\r\n").value());
    }

    @Test
    void truncated_or_mismatched_query_replies_are_protocol_errors() {
        assertProtocol("answered '' to PWR?", () -> EscVp21Codec.parseQuery(DEVICE, "PWR", ""));
        assertProtocol("answered 'PWR=\\r' to PWR?", () -> EscVp21Codec.parseQuery(DEVICE, "PWR", "PWR=\r"));
        assertProtocol("answered 'LAMP=12\\r' to PWR?", () -> EscVp21Codec.parseQuery(DEVICE, "PWR", "LAMP=12\r"));
        assertProtocol("answered 'PWR=01\\rPWR=01\\r' to PWR?",
                () -> EscVp21Codec.parseQuery(DEVICE, "PWR", "PWR=01\rPWR=01\r"));
    }

    @Test
    void garbage_bytes_are_a_protocol_error_shown_escaped() {
        assertProtocol("answered bytes that are not ESC/VP21 text to PWR?: '\\xF8\\x07PWR=\\xFF?\\r'",
                () -> EscVp21Codec.parseQuery(DEVICE, "PWR", "\u00f8\u0007PWR=\u00ff?\r"));
    }

    @Test
    void commands_answer_a_bare_prompt_or_err() {
        assertFalse(EscVp21Codec.parseCommand(DEVICE, "PWR ON", "").refused());
        assertTrue(EscVp21Codec.parseCommand(DEVICE, "MUTE ON", "ERR\r").refused());
        assertProtocol("answered 'OK\\r' to PWR ON", () -> EscVp21Codec.parseCommand(DEVICE, "PWR ON", "OK\r"));
    }

    @Test
    void power_codes_map_to_the_shared_power_reading() {
        assertEquals("off", EscVp21Codec.parsePower(DEVICE, "00").reading());
        assertEquals("on", EscVp21Codec.parsePower(DEVICE, "01").reading());
        assertEquals("warming", EscVp21Codec.parsePower(DEVICE, "02").reading());
        assertEquals("cooling", EscVp21Codec.parsePower(DEVICE, "03").reading());
        assertEquals("off", EscVp21Codec.parsePower(DEVICE, "04").reading());
        assertEquals(PowerStatus.ABNORMAL_STANDBY, EscVp21Codec.parsePower(DEVICE, "05"));
        assertProtocol("PWR=07 is not a power status 00-05", () -> EscVp21Codec.parsePower(DEVICE, "07"));
        assertProtocol("PWR=1 is not", () -> EscVp21Codec.parsePower(DEVICE, "1"));
    }

    @Test
    void error_codes_map_to_pjlink_style_parts() {
        assertEquals("ok", EscVp21Codec.parseError(DEVICE, "00"));
        assertEquals("fan:error", EscVp21Codec.parseError(DEVICE, "01"));
        assertEquals("lamp:error", EscVp21Codec.parseError(DEVICE, "06"));
        assertEquals("temp:error", EscVp21Codec.parseError(DEVICE, "04"));
        assertEquals("cover:error", EscVp21Codec.parseError(DEVICE, "07"));
        assertEquals("filter:error", EscVp21Codec.parseError(DEVICE, "0D"));
        assertEquals("other:error", EscVp21Codec.parseError(DEVICE, "0E"), "a code we do not know is still an error");
        assertProtocol("ERR=G1 is not two hex digits", () -> EscVp21Codec.parseError(DEVICE, "G1"));
    }

    @Test
    void sources_map_to_pjlink_input_codes_and_back() {
        assertEquals("31", SourceCodes.input(EscVp21Codec.parseSource(DEVICE, "30")));
        assertEquals("32", SourceCodes.input("A0"));
        assertEquals("11", SourceCodes.input("1F"), "every Computer1 variant reads as RGB 1");
        assertEquals("21", SourceCodes.input("41"));
        assertEquals("vp21:C0", SourceCodes.input("C0"));
        assertEquals("30", SourceCodes.source("31"));
        assertEquals("10", SourceCodes.source("11"));
        assertEquals("C0", SourceCodes.source("vp21:c0"));
        assertNull(SourceCodes.source("99"));
        assertNull(SourceCodes.source("vp21:XYZ"));
    }

    @Test
    void lamp_mute_and_serial_values_are_checked() {
        assertEquals(1234L, EscVp21Codec.parseLampHours(DEVICE, "1234"));
        assertProtocol("LAMP=12a4 is not 1-6 digits", () -> EscVp21Codec.parseLampHours(DEVICE, "12a4"));
        assertProtocol("LAMP=1234567 is not", () -> EscVp21Codec.parseLampHours(DEVICE, "1234567"));
        assertTrue(EscVp21Codec.parseOnOff(DEVICE, "MUTE", "ON"));
        assertFalse(EscVp21Codec.parseOnOff(DEVICE, "FREEZE", "OFF"));
        assertProtocol("MUTE=01 is neither ON nor OFF", () -> EscVp21Codec.parseOnOff(DEVICE, "MUTE", "01"));
        assertEquals("X4SIM0000001", EscVp21Codec.parseSerial(DEVICE, "X4SIM0000001"));
        assertProtocol("SNO=A B is not a serial number", () -> EscVp21Codec.parseSerial(DEVICE, "A B"));
    }

    private static String feed(ReplyFramer framer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return framer.feed(bytes, bytes.length);
    }

    private static void assertProtocol(String fragment, org.junit.jupiter.api.function.Executable call) {
        DeviceException e = assertThrows(DeviceException.class, call);
        assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().startsWith(DEVICE + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
    }
}
