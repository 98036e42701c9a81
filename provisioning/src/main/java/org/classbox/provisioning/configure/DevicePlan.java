package org.classbox.provisioning.configure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;

/**
 * Which devices the configuration gets from what was found and asked: the projector (the answer to
 * {@code --projector}, which defaults to the first PJLink projector found), the camera (the first ONVIF camera, else the first USB camera) and the satellite terminal
 * (a Starlink-style dish or an SNMP modem, probing the broker), each as {@code devices.<id>.*} keys. A device kind
 * not found leaves whatever the file already says about it.
 */
final class DevicePlan {
    /** One device to write: its id, its type and its keys (without the {@code devices.<id>.} prefix). */
    record Planned(String id, String type, Map<String, String> keys, String summary) {
    }

    private DevicePlan() {
    }

    static List<Planned> plan(Discovered found, String projector, String brokerUri) {
        List<Planned> planned = new ArrayList<>();
        if (projector != null && !projector.isBlank()) {
            String[] hostPort = hostPort(projector);
            planned.add(network("projector", "pjlink", hostPort[0], hostPort[1]));
        }
        // Cameras and terminals have no flag: the ones discover found, if any.
        found.first("onvif").ifPresentOrElse(
                c -> planned.add(network("camera", "onvif", c.host(), String.valueOf(c.port()))),
                () -> found.first("uvc").ifPresent(c -> planned.add(new Planned("camera", "uvc",
                        new LinkedHashMap<>(Map.of("device", c.device())), "uvc " + c.device()))));
        found.first("starlink", "vsat-snmp").ifPresent(t -> {
            Planned terminal = network("terminal", t.kind(), t.host(), String.valueOf(t.port()));
            // Every terminal type measures the link by probing; the broker is what the box must reach.
            terminal.keys().put("probeTargets", "tcp://" + brokerUri.replaceFirst("^[a-z]+://", ""));
            planned.add(terminal);
        });
        return planned;
    }

    /** {@code host[:port]} with PJLink's 4352 by default; a usage error naming {@code --projector} otherwise. */
    static String[] hostPort(String value) {
        String text = value.trim();
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? text : text.substring(0, colon);
        String port = colon < 0 ? "4352" : text.substring(colon + 1);
        Check.that(host.matches("[A-Za-z0-9.-]{1,253}") && port.matches("\\d{1,5}"), "--projector",
                "must be host or host:port, such as 10.0.0.5:4352, but was '" + value + "'");
        try {
            Check.port("--projector", Integer.parseInt(port));
        } catch (ConfigException e) {
            throw new ConfigException("--projector", "--projector port must be in [1, 65535], but was " + port);
        }
        return new String[] {host, port};
    }

    private static Planned network(String id, String type, String host, String port) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("host", host);
        keys.put("port", port);
        return new Planned(id, type, keys, type + " " + host + ":" + port);
    }
}
