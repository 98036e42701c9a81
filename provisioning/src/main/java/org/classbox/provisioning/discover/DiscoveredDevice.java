package org.classbox.provisioning.discover;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One thing discovery found. {@code kind} is the agent's device type where one fits ({@code pjlink}, {@code onvif},
 * {@code uvc}, {@code starlink}, {@code vsat-snmp}) and {@code serial} for a bare serial port; network things have a
 * host and port, local ones a device path. The JSON is the contract {@code configure --from} reads.
 *
 * @param xaddr an ONVIF camera's device service address, else null
 */
public record DiscoveredDevice(String kind, String host, int port, String device, String details, String xaddr) {
    public DiscoveredDevice {
        Objects.requireNonNull(kind, "kind");
        details = details == null ? "" : details;
    }

    public static DiscoveredDevice network(String kind, String host, int port, String details) {
        return new DiscoveredDevice(kind, host, port, null, details, null);
    }

    public static DiscoveredDevice local(String kind, String device, String details) {
        return new DiscoveredDevice(kind, null, 0, device, details, null);
    }

    /** {@code host:port} or the device path, as the table prints it. */
    public String address() {
        if (device != null) {
            return device;
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("kind", kind);
        if (host != null) {
            json.put("host", host).put("port", port);
        }
        if (device != null) {
            json.put("device", device);
        }
        json.put("details", details);
        if (xaddr != null) {
            json.put("xaddr", xaddr);
        }
        return json;
    }

    public static DiscoveredDevice fromJson(JsonObject json) {
        return new DiscoveredDevice(json.getString("kind"), json.getString("host"), json.getInteger("port", 0),
                json.getString("device"), json.getString("details", ""), json.getString("xaddr"));
    }
}
