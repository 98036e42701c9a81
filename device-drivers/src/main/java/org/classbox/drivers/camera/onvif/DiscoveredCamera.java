package org.classbox.drivers.camera.onvif;

import java.util.List;

/**
 * One WS-Discovery ProbeMatch: the camera's endpoint id, its device service addresses ({@code XAddrs}) and scopes
 * (such as {@code onvif://www.onvif.org/name/Classroom}), and the address the answer came from.
 */
public record DiscoveredCamera(String endpoint, List<String> xaddrs, List<String> scopes, String from) {
    public DiscoveredCamera {
        xaddrs = List.copyOf(xaddrs);
        scopes = List.copyOf(scopes);
    }
}
