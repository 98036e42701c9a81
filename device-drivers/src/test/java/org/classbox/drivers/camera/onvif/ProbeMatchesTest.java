package org.classbox.drivers.camera.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.classbox.drivers.api.DeviceException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class ProbeMatchesTest {
    private static final String ID = "6c2a6b2e-1b1f-4d6a-9c53-7e0e0e6e2d11";

    private static byte[] matches(String relatesTo) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
                + " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\">"
                + "<SOAP-ENV:Header><wsa:MessageID>uuid:a1</wsa:MessageID>"
                + "<wsa:RelatesTo>" + relatesTo + "</wsa:RelatesTo>"           // must be our Probe's id
                + "<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action>"
                + "</SOAP-ENV:Header><SOAP-ENV:Body><d:ProbeMatches><d:ProbeMatch>"
                + "<wsa:EndpointReference><wsa:Address>urn:uuid:cam-1</wsa:Address></wsa:EndpointReference>"
                + "<d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types>"
                + "<d:Scopes>onvif://www.onvif.org/type/video_encoder\n onvif://www.onvif.org/name/Room3</d:Scopes>"
                // two device service addresses, space separated, as dual-stack cameras send them
                + "<d:XAddrs>http://10.0.0.7/onvif/device_service http://[fe80::1]/onvif/device_service</d:XAddrs>"
                + "<d:MetadataVersion>10</d:MetadataVersion>"
                + "</d:ProbeMatch></d:ProbeMatches></SOAP-ENV:Body></SOAP-ENV:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reads_addresses_and_scopes_of_each_match() {
        List<DiscoveredCamera> found = ProbeMatches.parse("10.0.0.7:3702", ID, matches("urn:uuid:" + ID));

        assertEquals(List.of(new DiscoveredCamera("urn:uuid:cam-1",
                List.of("http://10.0.0.7/onvif/device_service", "http://[fe80::1]/onvif/device_service"),
                List.of("onvif://www.onvif.org/type/video_encoder", "onvif://www.onvif.org/name/Room3"),
                "10.0.0.7:3702")), found);
    }

    @Test
    void answers_to_another_probe_and_garbage_are_protocol_errors() {
        DeviceException other = assertThrows(DeviceException.class,
                () -> ProbeMatches.parse("10.0.0.7:3702", ID, matches("urn:uuid:someone-else")));
        DeviceException garbage = assertThrows(DeviceException.class,
                () -> ProbeMatches.parse("10.0.0.9:3702", ID, new byte[] {1, 2, 3}));

        assertEquals(DeviceException.Kind.PROTOCOL, other.kind());
        assertTrue(other.getMessage().contains("not our Probe"), other.getMessage());
        assertTrue(garbage.getMessage().startsWith("WS-Discovery responder at 10.0.0.9:3702: "),
                garbage.getMessage());
    }
}
