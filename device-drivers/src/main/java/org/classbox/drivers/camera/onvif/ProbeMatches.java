package org.classbox.drivers.camera.onvif;

import java.util.Arrays;
import java.util.List;
import org.w3c.dom.Element;

/** Reads a WS-Discovery ProbeMatches message (pure); a message that is not one fails with a PROTOCOL error. */
public final class ProbeMatches {
    private ProbeMatches() {
    }

    /**
     * The matches in {@code datagram}, sent from {@code from}, that answer our Probe {@code messageId}; an answer
     * to another Probe is PROTOCOL, since WS-Discovery replies must carry the Probe's id in RelatesTo.
     */
    public static List<DiscoveredCamera> parse(String from, String messageId, byte[] datagram) {
        String who = "WS-Discovery responder at " + from;
        Element root = SafeXml.parse(who, "ProbeMatches", datagram).getDocumentElement();
        String relatesTo = SafeXml.text(root, Ns.ADDRESSING, "RelatesTo");
        if (relatesTo == null || !relatesTo.equals("urn:uuid:" + messageId)) {
            throw SafeXml.protocol(who, "ProbeMatches relates to '" + relatesTo + "', not our Probe");
        }
        Element matches = SafeXml.first(root, Ns.DISCOVERY, "ProbeMatches");
        if (matches == null) {
            throw SafeXml.protocol(who, "message has no ProbeMatches");
        }
        return SafeXml.all(matches, Ns.DISCOVERY, "ProbeMatch").stream().map(match -> new DiscoveredCamera(
                orEmpty(SafeXml.text(match, Ns.ADDRESSING, "Address")),
                words(SafeXml.text(match, Ns.DISCOVERY, "XAddrs")),
                words(SafeXml.text(match, Ns.DISCOVERY, "Scopes")), from)).toList();
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
