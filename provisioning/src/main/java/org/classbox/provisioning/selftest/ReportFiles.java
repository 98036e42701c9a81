package org.classbox.provisioning.selftest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a report goes: a dated copy in the report folder for the technician ({@code selftest-yyyyMMdd-HHmmss.json},
 * 0644), and one in the agent's outbox ({@code selftest-<epochMillis>.json}), written as {@code .tmp} and renamed so
 * the agent never reads half a report.
 */
final class ReportFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private ReportFiles() {
    }

    static Path save(SelftestReport report, Path reportDir) throws IOException {
        Files.createDirectories(reportDir);
        Path file = reportDir.resolve("selftest-" + STAMP.format(report.finishedAt()) + ".json");
        Files.writeString(file, report.toJson().encodePrettily() + "\n", StandardCharsets.UTF_8);
        readableByAll(file);
        return file;
    }

    static Path dropInOutbox(SelftestReport report, Path outbox) throws IOException {
        Files.createDirectories(outbox);
        Path file = outbox.resolve("selftest-" + report.finishedAt().toEpochMilli() + ".json");
        Path tmp = outbox.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, report.toJson().encode(), StandardCharsets.UTF_8);
        readableByAll(tmp);
        ownedLikeDataDir(outbox, tmp);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /**
     * The technician runs this as root, the agent runs as {@code classbox}: the agent deletes each report once it is
     * journaled, so the outbox and the report must be its own. They get the owner of the agent's data folder (the
     * outbox's parent); a user who may not change owners (a developer's machine) leaves them as they are.
     */
    private static void ownedLikeDataDir(Path outbox, Path file) {
        try {
            Path parent = outbox.toAbsolutePath().getParent();
            if (parent == null) {
                return;
            }
            UserPrincipal owner = Files.getOwner(parent);
            if (!owner.equals(Files.getOwner(outbox))) {
                Files.setOwner(outbox, owner);
            }
            if (!owner.equals(Files.getOwner(file))) {
                Files.setOwner(file, owner);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not allowed to: the technician and the agent are one user, or the agent says what it cannot delete.
        }
    }

    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (a developer's machine): the default mode is what there is
        }
    }
}
