package org.classbox.agent.lessons.materials;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The manifest a USB drive carries, {@code classbox-materials.json} at its root:
 * <pre>{"materials": [{"lesson": "eng-5a-1128", "name": "slides.pdf", "bytes": 123456, "sha256": "hex...",
 *   "path": "eng-5a-1128/slides.pdf"}]}</pre>
 * {@code path} is relative to the drive's root. Pure: parsing only; an entry that cannot be used is kept with the
 * reason, so the import reports it.
 */
record UsbManifest(List<Entry> entries) {
    static final String FILE = "classbox-materials.json";

    /**
     * One line of the manifest; {@code problem} is null when its fields are well formed.
     *
     * @param file the entry's path on the drive, resolved, or its raw text when it is not usable
     */
    record Entry(String lessonId, String name, long bytes, String sha256, Path file, String problem) {
    }

    /** Parses the manifest text; throws IllegalArgumentException when it is not the expected JSON. */
    static UsbManifest parse(String json, Path driveRoot) {
        JsonArray materials;
        try {
            materials = new JsonObject(json).getJsonArray("materials");
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException(FILE + " is not a JSON object with a \"materials\" array: "
                    + e.getMessage());
        }
        if (materials == null) {
            throw new IllegalArgumentException(FILE + " has no \"materials\" array");
        }
        Path root = driveRoot.toAbsolutePath().normalize();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            entries.add(entry(materials.getValue(i), i, root));
        }
        return new UsbManifest(List.copyOf(entries));
    }

    private static Entry entry(Object value, int index, Path root) {
        if (!(value instanceof JsonObject o)) {
            return new Entry(null, null, -1, null, null, "entry " + index + " is not an object");
        }
        String lessonId = o.getValue("lesson") instanceof String s ? s : null;
        String name = o.getValue("name") instanceof String s ? s : null;
        String sha256 = o.getValue("sha256") instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
        long bytes = o.getValue("bytes") instanceof Number n ? n.longValue() : -1;
        String path = o.getValue("path") instanceof String s ? s : null;
        Path file = path == null ? null : root.resolve(path).normalize();
        String problem = null;
        try {
            Material.checkLessonId(lessonId);
            Material.checkName(lessonId, name);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        if (problem == null && (path == null || Path.of(path).isAbsolute() || !file.startsWith(root)
                || file.equals(root))) {
            problem = "path '" + path + "' must be a file below the drive's root";
        } else if (problem == null && (bytes < 0 || sha256 == null)) {
            problem = "entry " + index + " needs bytes >= 0 and a sha256";
        }
        return new Entry(lessonId, name, bytes, sha256, problem == null ? file : null, problem);
    }
}
