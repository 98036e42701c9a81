package org.classbox.provisioning.configure;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.classbox.settings.ConfigException;

/**
 * What {@code discover --save} found, read back: {@code {"devices":[{"kind":"pjlink","host":..,"port":..}, {"kind":
 * "uvc","device":"/dev/video0"}, ...]}}. Kinds are the agent's device type names (pjlink, onvif, uvc, starlink,
 * vsat-snmp) or {@code serial} for a bare port; unknown fields and kinds are ignored, as the format asks.
 */
final class Discovered {
    /** One device found: network kinds have host and port, local ones a device path. */
    record Found(String kind, String host, int port, String device, String details) {
        String address() {
            return device != null ? device : host + ":" + port;
        }
    }

    private final List<Found> devices;

    private Discovered(List<Found> devices) {
        this.devices = List.copyOf(devices);
    }

    static Discovered none() {
        return new Discovered(List.of());
    }

    /** Reads {@code file}; a file that is missing or not that JSON is a usage error naming {@code --from}. */
    static Discovered read(Path file) {
        JsonArray array;
        try {
            array = new JsonObject(Files.readString(file, StandardCharsets.UTF_8)).getJsonArray("devices");
        } catch (IOException e) {
            throw new ConfigException("--from", "--from must name the file `discover --save` wrote, but " + file
                    + " cannot be read: " + e);
        } catch (DecodeException | ClassCastException e) {
            throw new ConfigException("--from", "--from must name the JSON `discover --save` wrote, but " + file
                    + " is not: " + e.getMessage());
        }
        List<Found> found = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject d) || !(d.getValue("kind") instanceof String kind)) {
                throw new ConfigException("--from", "--from " + file + ": devices[" + i + "] has no kind");
            }
            Object port = d.getValue("port");
            found.add(new Found(kind, d.getValue("host") instanceof String h ? h : null,
                    port instanceof Number n ? n.intValue() : 0, d.getValue("device") instanceof String v ? v : null,
                    d.getValue("details") instanceof String t ? t : ""));
        }
        return new Discovered(found);
    }

    /** The first device found of one of {@code kinds}, in the order discover lists them. */
    Optional<Found> first(String... kinds) {
        return devices.stream().filter(d -> List.of(kinds).contains(d.kind()))
                .filter(d -> d.device() != null || (d.host() != null && d.port() > 0)).findFirst();
    }

    List<Found> all() {
        return devices;
    }
}
