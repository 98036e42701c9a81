package org.classbox.drivers.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;

/**
 * Reads the host's health files under the configured root. Blocking: runs on the driver's worker only. Files are
 * read with a size cap, since a broken or hostile file could otherwise fill the heap; a file that is present but
 * makes no sense fails the whole reading with a PROTOCOL error naming it, rather than reporting a wrong value.
 */
final class HostReader {
    /** Every file read is a few hundred bytes on a real system; procfs reports size 0, so the cap is on bytes read. */
    static final int MAX_BYTES = 64 * 1024;
    static final String THROTTLED = "sys/devices/platform/soc/soc:firmware/get_throttled";
    static final String TIMESYNC = "run/systemd/timesync/synchronized";
    static final String LIFE_TIME = "sys/block/mmcblk0/device/life_time";
    private static final long MB = 1024 * 1024;

    private final HostConfig config;
    private final Chronyc chronyc;

    HostReader(HostConfig config) {
        this.config = config;
        this.chronyc = new Chronyc(config.deviceName(), config.chronyc());
    }

    Reading health(long now) {
        SysFiles.Throttling throttling = optional(THROTTLED, SysFiles::throttling).orElse(null);
        ProcFiles.Memory memory = required("proc/meminfo", ProcFiles::meminfo);
        Reading.Builder reading = Reading.at(now)
                .decimal("Temperature/Cpu", cpuTemperature())
                .bool("Throttled", throttling == null ? null
                        : throttling.throttledNow() || throttling.throttledSinceBoot())
                .bool("UnderVoltage", throttling == null ? null
                        : throttling.underVoltageNow() || throttling.underVoltageSinceBoot())
                .integer("Memory/AvailableMb", memory.availableMb())
                .integer("Memory/TotalMb", memory.totalMb());
        disk(reading);
        return reading
                .decimal("Load/1m", required("proc/loadavg", ProcFiles::loadOneMinute))
                .integer("Uptime/Seconds", required("proc/uptime", ProcFiles::uptimeSeconds))
                .bool("Clock/Synchronised", clockSynchronised())
                .decimal("Sd/WearPercent", optional(LIFE_TIME, SysFiles::wearPercent).orElse(null))
                .build();
    }

    /** As the configured time daemon says: timesyncd's marker file, chronyd's leap status, or null for none. */
    private Boolean clockSynchronised() {
        return switch (config.clockSource()) {
            case TIMESYNCD -> Files.exists(config.root().resolve(TIMESYNC));
            case CHRONY -> chronyc.synchronised();
            case NONE -> null;
        };
    }

    /** The board model (device tree, ARM boards only), kernel release and host name, each null when absent. */
    Reading identity(long now) {
        Function<String, String> clean = text -> text.replace("\0", "").strip();
        return Reading.at(now)
                .text("Model", optional("proc/device-tree/model", clean).orElse(null))
                .text("Kernel", optional("proc/sys/kernel/osrelease", clean).orElse(null))
                .text("Hostname", optional("proc/sys/kernel/hostname", clean).orElse(null))
                .build();
    }

    /** The zone whose type is {@code cpu-thermal} (Raspberry Pi), else the lowest-numbered zone; null when none. */
    private Double cpuTemperature() {
        Path thermal = config.root().resolve("sys/class/thermal");
        if (!Files.isDirectory(thermal)) {
            return null;
        }
        List<Path> zones;
        try (Stream<Path> entries = Files.list(thermal)) {
            zones = entries.filter(p -> p.getFileName().toString().matches("thermal_zone[0-9]{1,4}"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(12))))
                    .toList();
        } catch (IOException e) {
            throw failed(thermal, "cannot list: " + e.getMessage(), e);
        }
        if (zones.isEmpty()) {
            return null;
        }
        String base = "sys/class/thermal/";
        Path chosen = zones.stream()
                .filter(z -> optional(base + z.getFileName() + "/type", String::strip).orElse("").equals("cpu-thermal"))
                .findFirst().orElse(zones.get(0));
        return required(base + chosen.getFileName() + "/temp", SysFiles::celsius);
    }

    /** Used percent as {@code df} shows it (used / (used + available to users)) and free MiB for users. */
    private void disk(Reading.Builder reading) {
        try {
            FileStore store = Files.getFileStore(config.dataDir());
            long total = store.getTotalSpace();
            long usable = store.getUsableSpace();
            long used = total - store.getUnallocatedSpace();
            double percent = used + usable == 0 ? 0.0 : 100.0 * used / (used + usable);
            reading.decimal("Disk/UsedPercent", Math.round(percent * 10) / 10.0).integer("Disk/FreeMb", usable / MB);
        } catch (IOException e) {
            throw failed(config.dataDir(), "cannot read its file system: " + e, e);
        }
    }

    private <T> T required(String file, Function<String, T> parser) {
        return optional(file, parser).orElseThrow(() -> failed(config.root().resolve(file), "missing", null));
    }

    private <T> Optional<T> optional(String file, Function<String, T> parser) {
        Path path = config.root().resolve(file);
        String text;
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw failed(path, "larger than " + MAX_BYTES + " bytes", null);
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failed(path, "cannot read: " + e, e);
        }
        try {
            return Optional.ofNullable(parser.apply(text));
        } catch (IllegalArgumentException e) {
            throw failed(path, e.getMessage(), e);
        }
    }

    private DeviceException failed(Path path, String what, Throwable cause) {
        return new DeviceException(DeviceException.Kind.PROTOCOL, config.deviceName(), path + ": " + what, cause);
    }
}
