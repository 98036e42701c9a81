package org.classbox.provisioning.enroll;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.classbox.provisioning.files.AtomicFiles;

/**
 * An enrollment the console could not be asked for yet, kept in {@code <state-dir>/enroll-pending.json} (0600: it
 * holds the claim code) until {@code enroll --finish} sends it. It keeps the CSR itself, so the key the console
 * signs is the one already on disk; and where that key and the certificate go.
 */
record PendingEnrollment(String console, String claimCode, String csr, String caSha256, Instant queuedAt,
                         Identity identity, Path pkiDir, Path keyFile) {
    static final String FILE = "enroll-pending.json";

    static Path file(Path stateDir) {
        return stateDir.resolve(FILE);
    }

    void save(Path stateDir) throws EnrollException {
        JsonObject json = new JsonObject().put("console", console).put("claimCode", claimCode).put("csr", csr)
                .put("queuedAt", queuedAt.toString()).put("box", identity.box()).put("group", identity.group())
                .put("pkiDir", pkiDir.toString()).put("keyFile", keyFile.toString());
        if (caSha256 != null) {
            json.put("caSha256", caSha256);
        }
        try {
            Files.createDirectories(stateDir);
            AtomicFiles.write(file(stateDir), json.encodePrettily().getBytes(StandardCharsets.UTF_8),
                    AtomicFiles.OWNER_ONLY);
        } catch (IOException e) {
            throw EnrollException.environment("cannot queue the enrollment in " + file(stateDir) + ": " + e, e);
        }
    }

    /** The queued enrollment, or null when there is none. */
    static PendingEnrollment load(Path stateDir) throws EnrollException {
        Path file = file(stateDir);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
            return new PendingEnrollment(required(json, "console"), required(json, "claimCode"),
                    required(json, "csr"), json.getString("caSha256"), Instant.parse(required(json, "queuedAt")),
                    new Identity(required(json, "box"), required(json, "group")), Path.of(required(json, "pkiDir")),
                    Path.of(required(json, "keyFile")));
        } catch (IOException e) {
            throw EnrollException.environment("cannot read " + file + ": " + e, e);
        } catch (DecodeException | ClassCastException | java.time.format.DateTimeParseException e) {
            throw EnrollException.environment(file + " is damaged (" + e.getMessage() + "); remove it and run"
                    + " enroll again", e);
        }
    }

    static void remove(Path stateDir) throws EnrollException {
        try {
            Files.deleteIfExists(file(stateDir));
        } catch (IOException e) {
            throw EnrollException.environment("cannot remove " + file(stateDir) + ": " + e, e);
        }
    }

    private static String required(JsonObject json, String field) {
        String value = json.getString(field);
        if (value == null || value.isEmpty()) {
            throw new DecodeException("field '" + field + "' is missing");
        }
        return value;
    }
}
