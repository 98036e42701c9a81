package org.classbox.drivers.camera.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.classbox.drivers.api.DeviceException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Replies shaped like those of real Profile S cameras (prefixes and extra elements vary between makers). */
@ExtendWith(TestGuard.class)
class OnvifRepliesTest {
    private static final String CAM = "camera at 10.0.0.7:80";
    private static final String NS = " xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\""
            + " xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\""
            + " xmlns:tt=\"http://www.onvif.org/ver10/schema\" xmlns:ter=\"http://www.onvif.org/ver10/error\"";

    private static byte[] envelope(String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SOAP-ENV:Envelope" + NS + "><SOAP-ENV:Header/>"
                + "<SOAP-ENV:Body>" + body + "</SOAP-ENV:Body></SOAP-ENV:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reads_device_information() {
        byte[] reply = envelope("<tds:GetDeviceInformationResponse>"
                + "<tds:Manufacturer>HIKVISION</tds:Manufacturer>"          // maker
                + "<tds:Model>DS-2CD2043G2-I</tds:Model>"                     // model
                + "<tds:FirmwareVersion>V5.7.3 build 220112</tds:FirmwareVersion>"
                + "<tds:SerialNumber>DS-2CD2043G2-I20220301AAWRJ12345678</tds:SerialNumber>"
                + "<tds:HardwareId>88</tds:HardwareId>"                       // not read
                + "</tds:GetDeviceInformationResponse>");

        assertEquals(new CameraInfo("HIKVISION", "DS-2CD2043G2-I", "V5.7.3 build 220112",
                "DS-2CD2043G2-I20220301AAWRJ12345678"), OnvifReplies.deviceInformation(CAM, reply));
    }

    @Test
    void missing_information_fields_read_as_empty() {
        byte[] reply = envelope("<tds:GetDeviceInformationResponse><tds:Model>X</tds:Model>"
                + "</tds:GetDeviceInformationResponse>");

        assertEquals(new CameraInfo("", "X", "", ""), OnvifReplies.deviceInformation(CAM, reply));
    }

    @Test
    void reads_the_utc_clock() {
        byte[] reply = envelope("<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>"
                + "<tt:DateTimeType>Manual</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>"
                + "<tt:TimeZone><tt:TZ>CST-8</tt:TZ></tt:TimeZone>"
                + "<tt:UTCDateTime><tt:Time><tt:Hour>7</tt:Hour><tt:Minute>5</tt:Minute><tt:Second>9</tt:Second>"
                + "</tt:Time><tt:Date><tt:Year>2026</tt:Year><tt:Month>12</tt:Month><tt:Day>5</tt:Day></tt:Date>"
                + "</tt:UTCDateTime>"
                // local time comes after UTC on most cameras and must not be taken for it
                + "<tt:LocalDateTime><tt:Time><tt:Hour>15</tt:Hour><tt:Minute>5</tt:Minute><tt:Second>9</tt:Second>"
                + "</tt:Time><tt:Date><tt:Year>2026</tt:Year><tt:Month>12</tt:Month><tt:Day>5</tt:Day></tt:Date>"
                + "</tt:LocalDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>");

        assertEquals(Instant.parse("2026-12-05T07:05:09Z"), OnvifReplies.systemDateAndTime(CAM, reply));
    }

    @Test
    void impossible_or_missing_clock_fields_are_protocol_errors() {
        String time = "<tt:Time><tt:Hour>25</tt:Hour><tt:Minute>0</tt:Minute><tt:Second>0</tt:Second></tt:Time>";
        String date = "<tt:Date><tt:Year>2026</tt:Year><tt:Month>1</tt:Month><tt:Day>1</tt:Day></tt:Date>";
        assertProtocol(() -> OnvifReplies.systemDateAndTime(CAM, envelope("<tds:GetSystemDateAndTimeResponse>"
                + "<tds:SystemDateAndTime><tt:UTCDateTime>" + time + date + "</tt:UTCDateTime>"
                + "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>")), "impossible date");
        assertProtocol(() -> OnvifReplies.systemDateAndTime(CAM, envelope("<tds:GetSystemDateAndTimeResponse>"
                + "<tds:SystemDateAndTime><tt:UTCDateTime>" + date + "</tt:UTCDateTime>"
                + "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>")), "no Time");
    }

    @Test
    void reads_profile_tokens_in_order_and_the_snapshot_uri() {
        byte[] profiles = envelope("<trt:GetProfilesResponse>"
                + "<trt:Profiles fixed=\"true\" token=\"Profile_1\"><tt:Name>mainStream</tt:Name></trt:Profiles>"
                + "<trt:Profiles fixed=\"true\" token=\"Profile_2\"><tt:Name>subStream</tt:Name></trt:Profiles>"
                + "</trt:GetProfilesResponse>");
        byte[] snapshot = envelope("<trt:GetSnapshotUriResponse><trt:MediaUri>"
                + "<tt:Uri>http://10.0.0.7/onvif-http/snapshot?Profile_1</tt:Uri>"
                + "<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:Timeout>PT0S</tt:Timeout>"
                + "</trt:MediaUri></trt:GetSnapshotUriResponse>");

        assertEquals(List.of("Profile_1", "Profile_2"), OnvifReplies.profileTokens(CAM, profiles));
        assertEquals("http://10.0.0.7/onvif-http/snapshot?Profile_1", OnvifReplies.snapshotUri(CAM, snapshot));
    }

    @Test
    void no_profile_or_a_non_http_snapshot_uri_is_a_protocol_error() {
        assertProtocol(() -> OnvifReplies.profileTokens(CAM, envelope("<trt:GetProfilesResponse/>")),
                "no media profile");
        assertProtocol(() -> OnvifReplies.snapshotUri(CAM, envelope("<trt:GetSnapshotUriResponse><trt:MediaUri>"
                + "<tt:Uri>file:///etc/passwd</tt:Uri></trt:MediaUri></trt:GetSnapshotUriResponse>")), "no http(s)");
    }

    @Test
    void not_authorized_fault_is_an_auth_error() {
        byte[] fault = envelope("<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:Sender</SOAP-ENV:Value>"
                + "<SOAP-ENV:Subcode><SOAP-ENV:Value>ter:NotAuthorized</SOAP-ENV:Value></SOAP-ENV:Subcode>"
                + "</SOAP-ENV:Code><SOAP-ENV:Reason><SOAP-ENV:Text xml:lang=\"en\">Sender not Authorized"
                + "</SOAP-ENV:Text></SOAP-ENV:Reason></SOAP-ENV:Fault>");

        DeviceException e = assertThrows(DeviceException.class, () -> OnvifReplies.deviceInformation(CAM, fault));

        assertEquals(DeviceException.Kind.AUTH, e.kind());
        assertTrue(e.getMessage().startsWith(CAM + ": GetDeviceInformation: camera answered a SOAP fault "
                + "'Sender not Authorized'"), e.getMessage());
    }

    @Test
    void other_faults_are_rejections() {
        byte[] fault = envelope("<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:Receiver</SOAP-ENV:Value>"
                + "<SOAP-ENV:Subcode><SOAP-ENV:Value>ter:ActionNotSupported</SOAP-ENV:Value></SOAP-ENV:Subcode>"
                + "</SOAP-ENV:Code><SOAP-ENV:Reason><SOAP-ENV:Text>Optional Action Not Implemented</SOAP-ENV:Text>"
                + "</SOAP-ENV:Reason></SOAP-ENV:Fault>");

        assertEquals(DeviceException.Kind.REJECTED, assertThrows(DeviceException.class,
                () -> OnvifReplies.snapshotUri(CAM, fault)).kind());
    }

    @Test
    void garbage_truncated_oversized_and_foreign_replies_are_protocol_errors() {
        byte[] good = envelope("<tds:GetDeviceInformationResponse/>");
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        byte[] oversized = envelope("<tds:GetDeviceInformationResponse><tds:Model>" + "x".repeat(SafeXml.MAX_BYTES)
                + "</tds:Model></tds:GetDeviceInformationResponse>");
        byte[] soap11 = ("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>")
                .getBytes(StandardCharsets.UTF_8);

        assertProtocol(() -> OnvifReplies.deviceInformation(CAM, new byte[] {(byte) 0xFF, 0, '<', 3}),
                "not well-formed");
        assertProtocol(() -> OnvifReplies.deviceInformation(CAM, truncated), "not well-formed");
        assertProtocol(() -> OnvifReplies.deviceInformation(CAM, oversized), "over the");
        assertProtocol(() -> OnvifReplies.deviceInformation(CAM, new byte[0]), "empty reply");
        assertProtocol(() -> OnvifReplies.deviceInformation(CAM, soap11), "not a SOAP 1.2 envelope");
        assertProtocol(() -> OnvifReplies.deviceInformation(CAM, envelope("<tds:Other/>")),
                "no GetDeviceInformationResponse");
    }

    @Test
    void external_entities_are_refused_not_fetched() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
                + "<SOAP-ENV:Envelope" + NS + "><SOAP-ENV:Body><tds:GetDeviceInformationResponse><tds:Model>&e;"
                + "</tds:Model></tds:GetDeviceInformationResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>")
                .getBytes(StandardCharsets.UTF_8);

        assertProtocol(() -> OnvifReplies.deviceInformation(CAM, xxe), "DOCTYPE");
    }

    private static void assertProtocol(org.junit.jupiter.api.function.Executable call, String fragment) {
        DeviceException e = assertThrows(DeviceException.class, call);
        assertEquals(DeviceException.Kind.PROTOCOL, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith(CAM + ": ") && e.getMessage().contains(fragment), e.getMessage());
    }
}
