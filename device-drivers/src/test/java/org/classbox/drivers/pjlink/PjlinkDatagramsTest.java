package org.classbox.drivers.pjlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.classbox.drivers.api.DeviceException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The UDP side of PJLink Class 2 from real datagrams: search, its answer, and status notifications. */
@ExtendWith(TestGuard.class)
class PjlinkDatagramsTest {
    private static final String HOST = "10.0.0.9";

    @Test
    void reads_search_answers_and_notifications_field_by_field() {
        assertTrue(PjlinkDatagrams.isSearch(bytes("%2SRCH\r")));      // %2 class, SRCH search, CR
        assertFalse(PjlinkDatagrams.isSearch(bytes("%1SRCH\r")));
        // %2ACKN=<MAC>: the answer to a search, MAC as six hex pairs with colons
        assertEquals("00:1A:2B:3C:4D:5E", PjlinkDatagrams.parseAck("projector at " + HOST,
                bytes("%2ACKN=00:1a:2b:3c:4d:5e\r")));
        // %2LKUP=<MAC>: sent once the projector's PJLink is reachable
        assertEquals(new PjlinkDatagrams.Notification(HOST, '2', "LKUP", "00:1A:2B:3C:4D:5E"),
                PjlinkDatagrams.parseNotification(HOST, bytes("%2LKUP=00:1a:2b:3c:4d:5e\r")));
        // %1POWR=3: warming up; %1ERST=020000: lamp error; %2INPT=3A; %1AVMT=31
        assertEquals("3", PjlinkDatagrams.parseNotification(HOST, bytes("%1POWR=3\r")).value());
        assertEquals("020000", PjlinkDatagrams.parseNotification(HOST, bytes("%1ERST=020000\r")).value());
        assertEquals("3A", PjlinkDatagrams.parseNotification(HOST, bytes("%2INPT=3A\r")).value());
        assertEquals("31", PjlinkDatagrams.parseNotification(HOST, bytes("%1INPT=31")).value(), "CR optional");
        assertEquals("31", PjlinkDatagrams.parseNotification(HOST, bytes("%1AVMT=31\r")).value());
    }

    @Test
    void malformed_truncated_and_oversized_datagrams_are_protocol_errors_naming_the_sender() {
        assertProtocol("expected %<class><command>=<value>", "");
        assertProtocol("expected %<class><command>=<value>", "%2LKU");
        assertProtocol("expected %<class><command>=<value>", "\u0000\u00ff garbage");
        assertProtocol("LKUP value must be a MAC address", "%2LKUP=00:1a:2b:3c:4d\r");
        assertProtocol("POWR value must be 0-3", "%1POWR=9\r");
        assertProtocol("ERST value must be six digits", "%1ERST=0200\r");
        assertProtocol("not a PJLink status notification", "%1LAMP=100 1\r");
        assertProtocol("not a PJLink status notification", "%2ACKN=00:1a:2b:3c:4d:5e\r");
        assertProtocol("INPT notification without a value", "%1INPT=ERR3\r");
        assertProtocol("datagram of 10247 bytes exceeds the PJLink limit of 136", "%1POWR=" + "1".repeat(10_240));
        DeviceException e = assertThrows(DeviceException.class, () -> PjlinkDatagrams.parseAck("projector at " + HOST,
                bytes("%2LKUP=00:1a:2b:3c:4d:5e\r")));
        assertTrue(e.getMessage().contains("expected %2ACKN=<MAC>"), e.getMessage());
    }

    private static void assertProtocol(String expected, String datagram) {
        DeviceException e = assertThrows(DeviceException.class,
                () -> PjlinkDatagrams.parseNotification(HOST, bytes(datagram)));
        assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().startsWith("projector at " + HOST + ": ") && e.getMessage().contains(expected),
                e.getMessage());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
