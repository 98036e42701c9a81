package org.classbox.agent.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real small file system for tests: a tmpfs of a few megabytes mounted on a temporary directory (needs root, as the
 * test runs here and in CI). It fills up for real (ENOSPC) and can be made read-only for real (root cannot write a
 * read-only mount either).
 */
final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code megabytes}, or returns null where this machine does not allow it. */
    static SmallDisk mount(Path dir, int megabytes) throws Exception {
        Files.createDirectories(dir);
        if (!run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString())) {
            return null;
        }
        return new SmallDisk(dir);
    }

    Path path() {
        return mountPoint;
    }

    /** Writes a file that takes all but {@code leaveBytes} of the free space. */
    Path fill(long leaveBytes) throws IOException {
        Path filler = mountPoint.resolve("filler");
        long toWrite = Files.getFileStore(mountPoint).getUsableSpace() - leaveBytes;
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (toWrite > 0) {
                block.clear().limit((int) Math.min(block.capacity(), toWrite));
                try {
                    toWrite -= out.write(block);
                } catch (IOException e) {
                    if (String.valueOf(e.getMessage()).contains("No space left")) {
                        break;
                    }
                    throw e;
                }
            }
        }
        return filler;
    }

    void readOnly(boolean readOnly) throws Exception {
        if (!run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), mountPoint.toString())) {
            throw new IllegalStateException("cannot remount " + mountPoint + (readOnly ? " read-only" : " read-write"));
        }
    }

    @Override
    public void close() throws Exception {
        run("umount", "-l", mountPoint.toString());
    }

    private static boolean run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return false;
        }
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
