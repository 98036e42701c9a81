package org.classbox.sim.camera;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One SOAP request as the camera reads it: the Body's first element (the operation) and the WS-Security
 * UsernameToken, if any, checked as cameras do: digest of nonce + created + password, created within 5 minutes.
 */
record SoapCall(String operation, Element operationElement, Element usernameToken) {
    private static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    private static final String WSSE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String WSU =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /** Parses a request body; null when it is not a SOAP 1.2 envelope with an operation. */
    static SoapCall parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws on fatal errors, prints nothing
            Element root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
            if (!SOAP.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
                return null;
            }
            Element bodyElement = (Element) root.getElementsByTagNameNS(SOAP, "Body").item(0);
            Element operation = bodyElement == null ? null : firstChild(bodyElement);
            if (operation == null) {
                return null;
            }
            Element token = (Element) root.getElementsByTagNameNS(WSSE, "UsernameToken").item(0);
            return new SoapCall(operation.getLocalName(), operation, token);
        } catch (Exception e) {
            return null;
        }
    }

    /** Whether the token proves {@code username}:{@code password} at about {@code now}. */
    boolean authenticated(String username, String password, Instant now) {
        if (usernameToken == null) {
            return false;
        }
        String user = text(usernameToken, WSSE, "Username");
        String digest = text(usernameToken, WSSE, "Password");
        String nonce = text(usernameToken, WSSE, "Nonce");
        String created = text(usernameToken, WSU, "Created");
        if (!username.equals(user) || digest == null || nonce == null || created == null) {
            return false;
        }
        try {
            if (Duration.between(Instant.parse(created), now).abs().compareTo(MAX_SKEW) > 0) {
                return false;
            }
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(Base64.getDecoder().decode(nonce));
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(sha1.digest(), Base64.getDecoder().decode(digest));
        } catch (DateTimeParseException | IllegalArgumentException | java.security.NoSuchAlgorithmException e) {
            return false;
        }
    }

    /** The text of a child element of the operation, such as GetSnapshotUri's ProfileToken. */
    String argument(String localName) {
        var nodes = operationElement.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static String text(Element parent, String ns, String local) {
        var nodes = parent.getElementsByTagNameNS(ns, local);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static Element firstChild(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
