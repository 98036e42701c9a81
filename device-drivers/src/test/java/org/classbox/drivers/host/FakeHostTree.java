package org.classbox.drivers.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Raspberry Pi 4's health files in a temporary directory, changed file by file by the test. */
final class FakeHostTree {
    final Path root;

    FakeHostTree(Path root) {
        this.root = root;
    }

    /** A healthy Pi 4: 48.3 °C on cpu-thermal (zone 1, behind a zone of another type), synchronised clock. */
    static FakeHostTree healthyPi4(Path root) {
        return new FakeHostTree(root)
                .write("sys/class/thermal/thermal_zone0/type", "acpitz\n")
                .write("sys/class/thermal/thermal_zone0/temp", "27800\n")
                .write("sys/class/thermal/thermal_zone1/type", "cpu-thermal\n")
                .write("sys/class/thermal/thermal_zone1/temp", "48312\n")
                .write(HostReader.THROTTLED, "0\n")
                .write("proc/meminfo", ProcFilesTest.PI4_MEMINFO)
                .write("proc/loadavg", "0.52 0.58 0.59 1/467 12345\n")
                .write("proc/uptime", "12345.67 45678.90\n")
                .write(HostReader.TIMESYNC, "")
                .write(HostReader.LIFE_TIME, "0x01 0x02\n")
                .write("proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.4\0")
                .write("proc/sys/kernel/osrelease", "6.1.0-rpi7-rpi-v8\n")
                .write("proc/sys/kernel/hostname", "classbox-0042\n");
    }

    FakeHostTree write(String file, String text) {
        try {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeHostTree delete(String file) {
        try {
            Files.deleteIfExists(root.resolve(file));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
