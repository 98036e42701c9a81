package org.classbox.provisioning.discover;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code discover} found: {@code {"discoveredAt": ISO, "devices": [DiscoveredDevice...]}} ({@code discoveredAt}
 * may be missing from a file written by hand: null), saved with
 * {@code --save} (0644) for {@code configure --from}. Readers ignore fields they do not know.
 */
public record DiscoveryReport(Instant discoveredAt, List<DiscoveredDevice> devices) {
    public DiscoveryReport {
        devices = List.copyOf(devices);
    }

    public JsonObject toJson() {
        JsonArray array = new JsonArray();
        devices.forEach(d -> array.add(d.toJson()));
        JsonObject json = new JsonObject();
        if (discoveredAt != null) {
            json.put("discoveredAt", discoveredAt.toString());
        }
        return json.put("devices", array);
    }

    /** Reads a saved report; a file that is not one fails with an IllegalArgumentException naming the file. */
    public static DiscoveryReport read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            JsonObject json = new JsonObject(text);
            List<DiscoveredDevice> devices = new ArrayList<>();
            JsonArray items = json.getJsonArray("devices", new JsonArray());
            for (int i = 0; i < items.size(); i++) {
                JsonObject item = items.getJsonObject(i);
                if (item == null || item.getString("kind") == null) {
                    throw new IllegalArgumentException(file + " is not a discovery report: devices[" + i
                            + "] has no kind");
                }
                devices.add(DiscoveredDevice.fromJson(item));
            }
            // A file written by hand may leave out when it was found.
            String at = json.getString("discoveredAt");
            return new DiscoveryReport(at == null ? null : Instant.parse(at), devices);
        } catch (DecodeException | ClassCastException | DateTimeParseException e) {
            throw new IllegalArgumentException(file + " is not a discovery report (" + e.getMessage() + ")", e);
        }
    }

    /** Writes the report through a temporary file and a rename, readable by all. */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson().encodePrettily() + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default mode is what there is
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The table: kind, address, details. */
    public void print(PrintWriter out) {
        int kind = Math.max(4, devices.stream().mapToInt(d -> d.kind().length()).max().orElse(0));
        int address = Math.max(7, devices.stream().mapToInt(d -> d.address().length()).max().orElse(0));
        String format = "%-" + kind + "s  %-" + address + "s  %s%n";
        out.printf(format, "KIND", "ADDRESS", "DETAILS");
        devices.forEach(d -> out.printf(format, d.kind(), d.address(), d.details()));
        out.println(devices.isEmpty() ? "Nothing found." : devices.size() + " found.");
        out.flush();
    }
}
