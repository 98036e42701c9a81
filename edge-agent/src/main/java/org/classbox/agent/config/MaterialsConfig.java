package org.classbox.agent.config;

import java.nio.file.Path;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * Lesson materials: prefetching over the link while no live lesson uses it, and import from a USB drive.
 *
 * @param maxKilobitsPerSecond the download's cap on the link, kbit/s (0: no cap beyond the link's own)
 * @param checkSeconds         how often the fetcher looks for work, and how soon it resumes after a live lesson
 * @param progressSeconds      the most often one material's progress is journaled to the fleet
 * @param retrySeconds         wait after a failed or cut transfer, or a checksum mismatch, before trying again
 * @param usbDir               where a USB drive is mounted; its {@code classbox-materials.json} is read (empty: off)
 * @param usbPollSeconds       how often {@code usbDir} is looked at
 */
public record MaterialsConfig(int maxKilobitsPerSecond, int checkSeconds, int progressSeconds, int retrySeconds,
                              String usbDir, int usbPollSeconds) {
    public MaterialsConfig {
        Check.inRange("materials.maxKilobitsPerSecond", maxKilobitsPerSecond, 0, 10_000_000);
        Check.inRange("materials.checkSeconds", checkSeconds, 1, 3600);
        Check.inRange("materials.progressSeconds", progressSeconds, 1, 3600);
        Check.inRange("materials.retrySeconds", retrySeconds, 1, 86_400);
        Check.that(usbDir != null, "materials.usbDir", "must be a folder or empty, but was null");
        Check.inRange("materials.usbPollSeconds", usbPollSeconds, 1, 3600);
    }

    public static MaterialsConfig defaults() {
        return new MaterialsConfig(0, 10, 30, 300, "/media/classbox", 5);
    }

    /** Bytes per second the cap allows; 0 without a cap. */
    public long maxBytesPerSecond() {
        return maxKilobitsPerSecond * 1000L / 8;
    }

    /** The USB mount point, or null when import is off. */
    public Path usbPath() {
        return usbDir.isBlank() ? null : Path.of(usbDir);
    }

    static MaterialsConfig from(Settings s) {
        MaterialsConfig d = defaults();
        return new MaterialsConfig(s.integer("materials.maxKilobitsPerSecond", d.maxKilobitsPerSecond()),
                s.integer("materials.checkSeconds", d.checkSeconds()),
                s.integer("materials.progressSeconds", d.progressSeconds()),
                s.integer("materials.retrySeconds", d.retrySeconds()),
                s.string("materials.usbDir", d.usbDir()),
                s.integer("materials.usbPollSeconds", d.usbPollSeconds()));
    }
}
