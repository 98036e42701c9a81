package org.classbox.agent.lessons.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A lesson data owner that keeps each lesson as a folder of files, as the buffer's segments are kept: lets retention
 * tests see what deleting through several owners does to real files. Blocking work on Vert.x's worker pool.
 */
final class SegmentFolders implements LessonDataOwner {
    private final Vertx vertx;
    private final Path root;

    SegmentFolders(Vertx vertx, Path root) {
        this.vertx = vertx;
        this.root = root;
    }

    void put(String lessonId, int bytes) throws Exception {
        Files.createDirectories(root.resolve(lessonId));
        Files.write(root.resolve(lessonId).resolve("seg-1.ts"), new byte[bytes]);
    }

    boolean holds(String lessonId) {
        return Files.exists(root.resolve(lessonId));
    }

    @Override
    public Future<Long> bytesOf(String lessonId) {
        return vertx.executeBlocking(() -> {
            File[] files = root.resolve(lessonId).toFile().listFiles();
            return files == null ? 0L : Arrays.stream(files).mapToLong(File::length).sum();
        });
    }

    @Override
    public Future<Void> delete(String lessonId) {
        return vertx.executeBlocking(() -> {
            File[] files = root.resolve(lessonId).toFile().listFiles();
            if (files != null) {
                for (File f : files) {
                    Files.delete(f.toPath());
                }
            }
            Files.deleteIfExists(root.resolve(lessonId));
            return null;
        });
    }

    @Override
    public Future<Set<String>> lessonIds() {
        return vertx.executeBlocking(() -> {
            File[] dirs = root.toFile().listFiles(File::isDirectory);
            return dirs == null ? Set.of() : Arrays.stream(dirs).map(File::getName).collect(Collectors.toSet());
        });
    }
}
