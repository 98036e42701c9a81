package org.classbox.provisioning.discover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.classbox.drivers.camera.uvc.UvcNode;
import org.classbox.drivers.camera.uvc.UvcSysfs;

/**
 * USB cameras ({@code videoN}) and serial ports ({@code ttyUSB*}, {@code ttyACM*}, {@code ttyAMA*},
 * {@code serial/by-id/*}) under a device folder, {@code /dev} on a box. A camera's name comes from sysfs when the
 * folder is a root's {@code dev}; its metadata node (sysfs index 1) is not a camera and is left out. Blocking file
 * reads: the command's own thread.
 */
final class LocalDevices {
    private static final String SERIAL = "tty(USB|ACM|AMA)\\d+";

    private LocalDevices() {
    }

    static List<DiscoveredDevice> find(Path dev) throws IOException {
        List<DiscoveredDevice> found = new ArrayList<>();
        if (!Files.isDirectory(dev)) {
            return found;
        }
        UvcSysfs sysfs = dev.getFileName() != null && dev.getFileName().toString().equals("dev")
                && dev.getParent() != null ? new UvcSysfs(dev.getParent()) : null;
        for (String name : names(dev)) {
            if (name.matches("video\\d+")) {
                UvcNode node = sysfs == null ? null : sysfs.read("/dev/" + name);
                if (node == null || node.index() != 1) {
                    found.add(DiscoveredDevice.local("uvc", dev.resolve(name).toString(), node == null
                            || node.name().isEmpty() ? "video device" : node.name()
                            + (node.driver().isEmpty() ? "" : " (" + node.driver() + ")")));
                }
            }
        }
        for (String name : names(dev)) {
            if (name.matches(SERIAL)) {
                found.add(DiscoveredDevice.local("serial", dev.resolve(name).toString(), "serial port"));
            }
        }
        Path byId = dev.resolve("serial/by-id");
        if (Files.isDirectory(byId)) {
            for (String name : names(byId)) {
                found.add(DiscoveredDevice.local("serial", byId.resolve(name).toString(), "serial port, "
                        + target(byId.resolve(name))));
            }
        }
        return found;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String target(Path link) {
        try {
            return "links to " + link.toRealPath().getFileName();
        } catch (IOException e) {
            return "dangling link";
        }
    }
}
