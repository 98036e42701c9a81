package org.classbox.sim.camera;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import java.util.UUID;

/**
 * Answers WS-Discovery Probes for {@code dn:NetworkVideoTransmitter} (or for any type, when the Probe names none)
 * with a unicast ProbeMatches naming the device service and the camera's scopes. REFUSE drops Probes silently,
 * as UDP has nothing to refuse with.
 */
final class DiscoveryService {
    private final String endpoint = "urn:uuid:" + UUID.randomUUID();
    private final FaultPlay play;
    private final String deviceServiceUri;

    DiscoveryService(FaultPlay play, String deviceServiceUri) {
        this.play = play;
        this.deviceServiceUri = deviceServiceUri;
    }

    void receive(DatagramSocket socket, DatagramPacket packet) {
        SoapCall probe = SoapCall.parse(packet.data().getBytes());
        if (probe == null || !probe.operation().equals("Probe")) {
            return;
        }
        String types = probe.argument("Types");
        if (types != null && !types.isBlank() && !types.contains("NetworkVideoTransmitter")) {
            return;
        }
        String messageId = messageId(packet.data().toString());
        String to = packet.sender().host();
        int port = packet.sender().port();
        play.play(() -> socket.send(Buffer.buffer(matches(messageId)), port, to), () -> {
        }, () -> socket.send(Buffer.buffer(FaultPlay.GARBAGE), port, to));
    }

    private String matches(String relatesTo) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
                + " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\"><SOAP-ENV:Header>"
                + "<wsa:MessageID>urn:uuid:" + UUID.randomUUID() + "</wsa:MessageID>"
                + "<wsa:RelatesTo>" + relatesTo + "</wsa:RelatesTo>"
                + "<wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>"
                + "<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action>"
                + "</SOAP-ENV:Header><SOAP-ENV:Body><d:ProbeMatches><d:ProbeMatch>"
                + "<wsa:EndpointReference><wsa:Address>" + endpoint + "</wsa:Address></wsa:EndpointReference>"
                + "<d:Types>dn:NetworkVideoTransmitter</d:Types>"
                + "<d:Scopes>onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/Profile/Streaming"
                + " onvif://www.onvif.org/name/" + OnvifAnswers.MODEL
                + " onvif://www.onvif.org/hardware/" + OnvifAnswers.MODEL
                + " onvif://www.onvif.org/location/classroom</d:Scopes>"
                + "<d:XAddrs>" + deviceServiceUri + "</d:XAddrs>"
                + "<d:MetadataVersion>1</d:MetadataVersion>"
                + "</d:ProbeMatch></d:ProbeMatches></SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    private static String messageId(String xml) {
        // the Probe's MessageID is a header SoapCall does not keep; a plain search is enough for one element
        int tag = xml.indexOf("MessageID>");
        int end = tag < 0 ? -1 : xml.indexOf('<', tag);
        return end < 0 ? "" : xml.substring(tag + "MessageID>".length(), end).trim();
    }
}
