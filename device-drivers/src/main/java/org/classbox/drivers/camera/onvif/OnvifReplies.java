package org.classbox.drivers.camera.onvif;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import org.classbox.drivers.api.DeviceException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads the ONVIF replies the driver asks for (pure: bytes in, values or a DeviceException out). A SOAP fault whose
 * subcode is {@code ter:NotAuthorized} is AUTH; any other fault is REJECTED with the camera's reason; a reply
 * without the element we asked for is PROTOCOL.
 */
public final class OnvifReplies {
    private OnvifReplies() {
    }

    public static CameraInfo deviceInformation(String device, byte[] reply) {
        Element body = body(device, "GetDeviceInformation", reply);
        Element response = need(device, "GetDeviceInformation", body, Ns.DEVICE, "GetDeviceInformationResponse");
        return new CameraInfo(optional(response, "Manufacturer"), optional(response, "Model"),
                optional(response, "FirmwareVersion"), optional(response, "SerialNumber"));
    }

    /** The camera's clock in UTC. */
    public static Instant systemDateAndTime(String device, byte[] reply) {
        String what = "GetSystemDateAndTime";
        Element body = body(device, what, reply);
        Element utc = need(device, what, body, Ns.SCHEMA, "UTCDateTime");
        Element date = need(device, what, utc, Ns.SCHEMA, "Date");
        Element time = need(device, what, utc, Ns.SCHEMA, "Time");
        try {
            return LocalDateTime.of(number(device, what, date, "Year"), number(device, what, date, "Month"),
                    number(device, what, date, "Day"), number(device, what, time, "Hour"),
                    number(device, what, time, "Minute"), number(device, what, time, "Second"))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw SafeXml.protocol(device, what + ": impossible date or time (" + e.getMessage() + ")");
        }
    }

    /** The tokens of the media profiles, in the camera's order (the first is its main stream). */
    public static List<String> profileTokens(String device, byte[] reply) {
        Element body = body(device, "GetProfiles", reply);
        need(device, "GetProfiles", body, Ns.MEDIA, "GetProfilesResponse");
        List<String> tokens = SafeXml.all(body, Ns.MEDIA, "Profiles").stream()
                .map(p -> p.getAttribute("token")).filter(t -> !t.isBlank()).toList();
        if (tokens.isEmpty()) {
            throw SafeXml.protocol(device, "GetProfiles: the camera lists no media profile with a token");
        }
        return tokens;
    }

    public static String snapshotUri(String device, byte[] reply) {
        Element body = body(device, "GetSnapshotUri", reply);
        Element mediaUri = need(device, "GetSnapshotUri", body, Ns.MEDIA, "MediaUri");
        String uri = SafeXml.text(mediaUri, Ns.SCHEMA, "Uri");
        if (uri == null || !(uri.startsWith("http://") || uri.startsWith("https://"))) {
            throw SafeXml.protocol(device, "GetSnapshotUri: no http(s) snapshot URI, got '" + uri + "'");
        }
        return uri;
    }

    /** The SOAP Body, after turning a Fault into the matching DeviceException. */
    static Element body(String device, String what, byte[] reply) {
        Document doc = SafeXml.parse(device, what, reply);
        Element root = doc.getDocumentElement();
        if (!Ns.SOAP.equals(root.getNamespaceURI()) || !root.getLocalName().equals("Envelope")) {
            throw SafeXml.protocol(device, what + ": reply is not a SOAP 1.2 envelope but <" + root.getTagName()
                    + ">");
        }
        Element body = need(device, what, root, Ns.SOAP, "Body");
        Element fault = SafeXml.first(body, Ns.SOAP, "Fault");
        if (fault != null) {
            throw fault(device, what, fault);
        }
        return body;
    }

    private static DeviceException fault(String device, String what, Element fault) {
        String reason = SafeXml.text(fault, Ns.SOAP, "Text");
        boolean notAuthorized = SafeXml.all(fault, Ns.SOAP, "Value").stream()
                .map(v -> v.getTextContent().trim()).anyMatch(v -> v.endsWith(":NotAuthorized")
                        || v.equals("NotAuthorized"));
        String message = what + ": camera answered a SOAP fault" + (reason == null ? "" : " '" + reason + "'");
        return new DeviceException(notAuthorized ? DeviceException.Kind.AUTH : DeviceException.Kind.REJECTED,
                device, notAuthorized ? message + " (check devices.<id>.username and password)" : message);
    }

    private static Element need(String device, String what, Element parent, String ns, String local) {
        Element element = SafeXml.first(parent, ns, local);
        if (element == null) {
            throw SafeXml.protocol(device, what + ": reply has no " + local);
        }
        return element;
    }

    private static String optional(Element parent, String local) {
        String text = SafeXml.text(parent, Ns.DEVICE, local);
        return text == null ? "" : text;
    }

    private static int number(String device, String what, Element parent, String local) {
        String text = SafeXml.text(parent, Ns.SCHEMA, local);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw SafeXml.protocol(device, what + ": " + local + " is not a number but '" + text + "'");
        }
    }
}
