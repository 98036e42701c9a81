package org.classbox.drivers.camera.onvif;

/**
 * The SOAP 1.2 envelopes the driver sends: the ONVIF calls of Profile S it needs and the WS-Discovery Probe. Pure
 * text building; values are XML-escaped.
 */
public final class SoapRequests {
    private SoapRequests() {
    }

    public static String getDeviceInformation(UsernameToken token) {
        return envelope(token, "<tds:GetDeviceInformation xmlns:tds=\"" + Ns.DEVICE + "\"/>");
    }

    public static String getSystemDateAndTime() {
        // Sent without a token: ONVIF lets anyone read the clock, so a box can measure the offset that would
        // otherwise make every later UsernameToken look stale.
        return envelope(null, "<tds:GetSystemDateAndTime xmlns:tds=\"" + Ns.DEVICE + "\"/>");
    }

    public static String getProfiles(UsernameToken token) {
        return envelope(token, "<trt:GetProfiles xmlns:trt=\"" + Ns.MEDIA + "\"/>");
    }

    public static String getSnapshotUri(UsernameToken token, String profileToken) {
        return envelope(token, "<trt:GetSnapshotUri xmlns:trt=\"" + Ns.MEDIA + "\"><trt:ProfileToken>"
                + escape(profileToken) + "</trt:ProfileToken></trt:GetSnapshotUri>");
    }

    /** A WS-Discovery Probe for ONVIF video transmitters, with its own message id. */
    public static String probe(String messageId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"" + Ns.SOAP + "\" xmlns:a=\"" + Ns.ADDRESSING + "\" xmlns:d=\""
                + Ns.DISCOVERY + "\" xmlns:dn=\"" + Ns.NETWORK + "\">"
                + "<s:Header><a:Action>" + Ns.DISCOVERY + "/Probe</a:Action>"
                + "<a:MessageID>urn:uuid:" + escape(messageId) + "</a:MessageID>"
                + "<a:To>" + Ns.DISCOVERY_URN + "</a:To></s:Header>"
                + "<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>";
    }

    static String envelope(UsernameToken token, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"" + Ns.SOAP + "\">"
                + (token == null ? "" : "<s:Header>" + token.toXml() + "</s:Header>")
                + "<s:Body>" + body + "</s:Body></s:Envelope>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
