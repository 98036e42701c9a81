package org.classbox.drivers.camera.onvif;

/** The XML namespaces of the ONVIF, SOAP 1.2, WS-Security and WS-Discovery messages we send and read. */
public final class Ns {
    public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    public static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";
    public static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";
    public static final String SCHEMA = "http://www.onvif.org/ver10/schema";
    public static final String ERROR = "http://www.onvif.org/ver10/error";
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public static final String PASSWORD_DIGEST = "http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    public static final String BASE64 = "http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-soap-message-security-1.0#Base64Binary";
    public static final String DISCOVERY = "http://schemas.xmlsoap.org/ws/2005/04/discovery";
    public static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static final String NETWORK = "http://www.onvif.org/ver10/network/wsdl";
    /** The WS-Discovery {@code To} of a multicast Probe. */
    public static final String DISCOVERY_URN = "urn:schemas-xmlsoap-org:ws:2005:04:discovery";

    private Ns() {
    }
}
