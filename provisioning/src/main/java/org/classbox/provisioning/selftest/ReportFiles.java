package org.classbox.provisioning.selftest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (a developer's machine): the default mode is what there is
        }
    }
}
