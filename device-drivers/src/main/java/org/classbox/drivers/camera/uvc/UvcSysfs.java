package org.classbox.drivers.camera.uvc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code /dev/videoN} and {@code /sys/class/video4linux/videoN} below a root ({@code /} on a box, a temporary
 * tree in tests). Blocking file reads: callers run it on a worker.
 */
public final class UvcSysfs {
    private final Path root;

    public UvcSysfs(Path root) {
        this.root = root;
    }

    /** The video nodes present under {@code <root>/dev}, such as {@code /dev/video0}, sorted. */
    public List<String> nodes() throws IOException {
        Path dev = root.resolve("dev");
        if (!Files.isDirectory(dev)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dev)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("video\\d+")).sorted()
                    .map(n -> "/dev/" + n).toList();
        }
    }

    /** What sysfs says about {@code device} (such as {@code /dev/video0}). */
    public UvcNode read(String device) {
        Path node = root.resolve(device.replaceFirst("^/+", ""));
        boolean exists = Files.exists(node);
        String videoN = node.getFileName().toString();
        if (exists) {
            try {
                // /dev/v4l/by-id/... names are symlinks to the videoN node
                videoN = node.toRealPath().getFileName().toString();
            } catch (IOException e) {
                exists = false;
            }
        }
        Path sys = root.resolve("sys/class/video4linux").resolve(videoN);
        Path usb = sys.resolve("device/..");
        return new UvcNode(device, exists, text(sys.resolve("name")), index(sys.resolve("index")),
                link(sys.resolve("device/driver")), text(usb.resolve("manufacturer")), text(usb.resolve("product")),
                text(usb.resolve("serial")), text(usb.resolve("bcdDevice")));
    }

    private static String text(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static int index(Path file) {
        try {
            return Integer.parseInt(text(file));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String link(Path symlink) {
        try {
            return Files.readSymbolicLink(symlink).getFileName().toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
