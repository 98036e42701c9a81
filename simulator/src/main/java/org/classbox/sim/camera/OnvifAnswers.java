package org.classbox.sim.camera;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The SOAP 1.2 replies of the simulated camera, shaped like those of real Profile S cameras. */
final class OnvifAnswers {
    static final String MANUFACTURER = "Classbox Optics";
    static final String MODEL = "CB-CAM-200";
    static final String FIRMWARE = "2.4.1 build 240611";
    static final String SERIAL = "CBC200-0042";
    private static final String NAMESPACES = " xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\""
            + " xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\""
            + " xmlns:tt=\"http://www.onvif.org/ver10/schema\""
            + " xmlns:ter=\"http://www.onvif.org/ver10/error\"";

    private OnvifAnswers() {
    }

    static String deviceInformation() {
        return envelope("<tds:GetDeviceInformationResponse><tds:Manufacturer>" + MANUFACTURER
                + "</tds:Manufacturer><tds:Model>" + MODEL + "</tds:Model><tds:FirmwareVersion>" + FIRMWARE
                + "</tds:FirmwareVersion><tds:SerialNumber>" + SERIAL + "</tds:SerialNumber>"
                + "<tds:HardwareId>1.0</tds:HardwareId></tds:GetDeviceInformationResponse>");
    }

    static String systemDateAndTime(ZonedDateTime utc) {
        ZonedDateTime t = utc.withZoneSameInstant(ZoneOffset.UTC);
        String dateTime = "<tt:Time><tt:Hour>" + t.getHour() + "</tt:Hour><tt:Minute>" + t.getMinute()
                + "</tt:Minute><tt:Second>" + t.getSecond() + "</tt:Second></tt:Time><tt:Date><tt:Year>"
                + t.getYear() + "</tt:Year><tt:Month>" + t.getMonthValue() + "</tt:Month><tt:Day>"
                + t.getDayOfMonth() + "</tt:Day></tt:Date>";
        return envelope("<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>"
                + "<tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>"
                + "<tt:TimeZone><tt:TZ>UTC0</tt:TZ></tt:TimeZone>"
                + "<tt:UTCDateTime>" + dateTime + "</tt:UTCDateTime>"
                + "<tt:LocalDateTime>" + dateTime + "</tt:LocalDateTime>"
                + "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>");
    }

    static String profiles() {
        return envelope("<trt:GetProfilesResponse>"
                + profile("Profile_1", "mainStream", 1920, 1080, 4096)
                + profile("Profile_2", "subStream", 640, 360, 512)
                + "</trt:GetProfilesResponse>");
    }

    static String snapshotUri(String baseUri, String profile) {
        return envelope("<trt:GetSnapshotUriResponse><trt:MediaUri><tt:Uri>" + baseUri + "/snapshot.jpg?profile="
                + profile + "</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect>"
                + "<tt:InvalidAfterReboot>false</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout>"
                + "</trt:MediaUri></trt:GetSnapshotUriResponse>");
    }

    /** A fault: {@code code} is env:Sender or env:Receiver, {@code subcode} such as ter:NotAuthorized. */
    static String fault(String code, String subcode, String reason) {
        return envelope("<env:Fault><env:Code><env:Value>" + code + "</env:Value><env:Subcode><env:Value>"
                + subcode + "</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"en\">" + reason
                + "</env:Text></env:Reason></env:Fault>");
    }

    private static String profile(String token, String name, int width, int height, int kbps) {
        return "<trt:Profiles token=\"" + token + "\" fixed=\"true\"><tt:Name>" + name + "</tt:Name>"
                + "<tt:VideoSourceConfiguration token=\"VideoSourceConfig\"><tt:Name>VideoSourceConfig</tt:Name>"
                + "<tt:UseCount>2</tt:UseCount><tt:SourceToken>VideoSource_1</tt:SourceToken>"
                + "<tt:Bounds x=\"0\" y=\"0\" width=\"1920\" height=\"1080\"/></tt:VideoSourceConfiguration>"
                + "<tt:VideoEncoderConfiguration token=\"VideoEncoder_" + token + "\"><tt:Name>" + name
                + "</tt:Name><tt:UseCount>1</tt:UseCount><tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>"
                + width + "</tt:Width><tt:Height>" + height + "</tt:Height></tt:Resolution>"
                + "<tt:Quality>5</tt:Quality><tt:RateControl><tt:FrameRateLimit>25</tt:FrameRateLimit>"
                + "<tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>" + kbps + "</tt:BitrateLimit>"
                + "</tt:RateControl><tt:H264><tt:GovLength>50</tt:GovLength><tt:H264Profile>Main</tt:H264Profile>"
                + "</tt:H264><tt:SessionTimeout>PT60S</tt:SessionTimeout></tt:VideoEncoderConfiguration>"
                + "</trt:Profiles>";
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<env:Envelope" + NAMESPACES + "><env:Header/><env:Body>"
                + body + "</env:Body></env:Envelope>";
    }
}
