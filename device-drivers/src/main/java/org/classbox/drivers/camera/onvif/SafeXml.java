package org.classbox.drivers.camera.onvif;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.classbox.drivers.api.DeviceException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Parses what a camera sends with the JDK's parser, namespace-aware, with DOCTYPEs refused (no external entities,
 * no entity expansion bombs) and a size cap, so a broken or hostile device can only earn a PROTOCOL error.
 */
public final class SafeXml {
    /** Larger than any ONVIF reply we ask for (a GetProfiles of a 16-channel recorder is about 100 kB). */
    public static final int MAX_BYTES = 256 * 1024;

    private SafeXml() {
    }

    public static Document parse(String device, String what, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw protocol(device, what + ": empty reply");
        }
        if (bytes.length > MAX_BYTES) {
            throw protocol(device, what + ": reply of " + bytes.length + " bytes is over the " + MAX_BYTES
                    + "-byte limit");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws on fatal errors, prints nothing
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException e) {
            throw protocol(device, what + ": not well-formed XML (" + e.getMessage() + ")");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK parser refuses a standard feature", e);
        }
    }

    /** The first element {ns}local anywhere under {@code root}, or null. */
    public static Element first(Element root, String ns, String local) {
        NodeList nodes = root.getElementsByTagNameNS(ns, local);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    /** Every element {ns}local under {@code root}, in document order. */
    public static List<Element> all(Element root, String ns, String local) {
        NodeList nodes = root.getElementsByTagNameNS(ns, local);
        List<Element> found = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    /** The trimmed text of the first {ns}local under {@code root}, or null when absent. */
    public static String text(Element root, String ns, String local) {
        Element element = first(root, ns, local);
        return element == null ? null : element.getTextContent().trim();
    }

    static DeviceException protocol(String device, String message) {
        return new DeviceException(DeviceException.Kind.PROTOCOL, device, message);
    }
}
