package org.classbox.provisioning.configure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.classbox.provisioning.discover.DiscoveredDevice;
import org.classbox.provisioning.discover.DiscoveryReport;
import org.classbox.settings.ConfigException;

/**
 * What {@code discover --save} found ({@link DiscoveryReport}), as {@code configure} asks it: the first device of a
 * kind, in the order discover lists them. Unknown kinds are ignored.
 */
final class Discovered {
    private final List<DiscoveredDevice> devices;

    private Discovered(List<DiscoveredDevice> devices) {
        this.devices = List.copyOf(devices);
    }

    static Discovered none() {
        return new Discovered(List.of());
    }

    /** Reads {@code file}; a file that is missing or not a discovery report is a usage error naming {@code --from}. */
    static Discovered read(Path file) {
        try {
            return new Discovered(DiscoveryReport.read(file).devices());
        } catch (IOException e) {
            throw new ConfigException("--from", "--from must name the file `discover --save` wrote, but " + file
                    + " cannot be read: " + e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--from", "--from must name the JSON `discover --save` wrote, but "
                    + e.getMessage());
        }
    }

    /** The first device found of one of {@code kinds} with an address, in the order discover lists them. */
    Optional<DiscoveredDevice> first(String... kinds) {
        return devices.stream().filter(d -> List.of(kinds).contains(d.kind()))
                .filter(d -> d.device() != null || (d.host() != null && d.port() > 0)).findFirst();
    }
}
