package org.classbox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A file system of the benchmark's own: an ext4 image on a loop device, so the block device's own counter
 * ({@code /sys/block/loopN/stat}, sectors written) counts exactly what the stores made the device write, file-system
 * journal included, and nothing the other processes on this machine write. Needs root (mount); where it cannot be
 * mounted the benchmark runs in the temporary directory and reports no device bytes. ({@code /proc/self/io}'s
 * {@code write_bytes} is no substitute: on this machine's kernel it grows by 1 MiB per {@code fdatasync}.)
 */
final class BenchDisk implements AutoCloseable {
    private final Path image;
    private final Path mountPoint;
    private final Path stat;

    private BenchDisk(Path image, Path mountPoint, Path stat) {
        this.image = image;
        this.mountPoint = mountPoint;
        this.stat = stat;
    }

    /** Mounts a fresh ext4 image of {@code megabytes}, or returns null where this machine does not allow it. */
    static BenchDisk mountOrNull(int megabytes) {
        Path image = Path.of(System.getProperty("java.io.tmpdir"), "classbox-bench-" + ProcessHandle.current().pid()
                + ".img");
        Path mountPoint = image.resolveSibling("classbox-bench-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(mountPoint);
            if (!run("truncate", "-s", megabytes + "M", image.toString())
                    || !run("mkfs.ext4", "-q", "-F", image.toString())
                    || !run("mount", "-o", "loop", image.toString(), mountPoint.toString())) {
                Files.deleteIfExists(image);
                Files.deleteIfExists(mountPoint);
                return null;
            }
            Process find = new ProcessBuilder("findmnt", "-n", "-o", "SOURCE", mountPoint.toString()).start();
            String device = new String(find.getInputStream().readAllBytes()).trim();
            find.waitFor(10, TimeUnit.SECONDS);
            return new BenchDisk(image, mountPoint,
                    Path.of("/sys/block", Path.of(device).getFileName().toString(), "stat"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            return null;
        }
    }

    Path dir() {
        return mountPoint;
    }

    /** Bytes written to the device since it was set up. */
    long bytesWritten() throws IOException {
        String[] fields = Files.readString(stat).trim().split("\\s+");
        return Long.parseLong(fields[6]) * 512;
    }

    @Override
    public void close() throws Exception {
        run("umount", mountPoint.toString());
        Files.deleteIfExists(mountPoint);
        Files.deleteIfExists(image);
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
