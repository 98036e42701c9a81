package org.classbox.agent.lessons.materials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where materials live: {@code <lessons>/materials/<lesson>/<name>} once verified, and
 * {@code <lessons>/materials/<lesson>/.partial/<name>} while downloading (a name never starts with a dot, so the two
 * cannot meet). Blocking: call it on a worker.
 */
final class MaterialFiles {
    private static final String PARTIAL = ".partial";
    private final Path root;

    /** @param lessonsDir the lessons' data folder ({@code LessonDatabase.dataDir()}) */
    MaterialFiles(Path lessonsDir) {
        this.root = lessonsDir.resolve("materials").toAbsolutePath().normalize();
    }

    Path lessonDir(String lessonId) {
        return inside(root.resolve(Material.checkLessonId(lessonId)));
    }

    Path file(String lessonId, String name) {
        return inside(lessonDir(lessonId).resolve(Material.checkName(lessonId, name)));
    }

    Path part(String lessonId, String name) {
        return inside(lessonDir(lessonId).resolve(PARTIAL).resolve(Material.checkName(lessonId, name)));
    }

    /** The part's length, 0 when there is none. */
    long partLength(String lessonId, String name) throws IOException {
        Path part = part(lessonId, name);
        return Files.exists(part) ? Files.size(part) : 0;
    }

    /** Moves a verified part into place, replacing an older copy atomically. */
    Path promote(Path from, String lessonId, String name) throws IOException {
        Path to = file(lessonId, name);
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return to;
    }

    /** Bytes of a lesson's materials on disk, parts included. */
    long bytesOf(String lessonId) throws IOException {
        Path dir = lessonDir(lessonId);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    void deleteLesson(String lessonId) throws IOException {
        Path dir = lessonDir(lessonId);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    void deleteMaterial(String lessonId, String name) throws IOException {
        Files.deleteIfExists(part(lessonId, name));
        Files.deleteIfExists(file(lessonId, name));
    }

    /** Lesson ids with a folder here. */
    Set<String> lessonIds() throws IOException {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }

    /** The lower-case hex SHA-256 of a file. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (NoSuchFileException e) {
            throw new IOException("no file " + file + " to check", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private Path inside(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        if (!normal.startsWith(root)) {
            throw new IllegalArgumentException("material path " + path + " leaves " + root);
        }
        return normal;
    }
}
