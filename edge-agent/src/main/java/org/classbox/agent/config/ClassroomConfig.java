package org.classbox.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * The classroom page, its local API, the camera snapshots and the room's privacy.
 *
 * @param host               address the classroom server listens on; 127.0.0.1 serves only the box's own kiosk
 *                           browser, 0.0.0.0 (or the LAN address) opens the page and the API to the classroom LAN
 * @param port               its TCP port
 * @param snapshotUrl        HTTP URL of the classroom camera's JPEG snapshot; empty: no camera, no snapshots
 * @param snapshotSeconds    time between snapshots during a lesson
 * @param snapshotTtlSeconds how long an undelivered snapshot is worth sending (the journal's bulk time-to-live)
 * @param picturesConsent    whether pictures of the class may leave the box at all; without it nothing is captured
 * @param stateDir           where the privacy mode is kept across restarts ({@code <journal.dataDir>/classroom})
 */
public record ClassroomConfig(String host, int port, String snapshotUrl, int snapshotSeconds, int snapshotTtlSeconds,
                              boolean picturesConsent, Path stateDir) {
    public ClassroomConfig {
        Check.notBlank("classroom.host", host);
        Check.inRange("classroom.port", port, 0, 65_535);
        Check.that(snapshotUrl != null && (snapshotUrl.isEmpty() || isHttp(snapshotUrl)), "classroom.snapshotUrl",
                "must be empty or an http:// or https:// URL, but was '" + snapshotUrl + "'");
        Check.inRange("classroom.snapshotSeconds", snapshotSeconds, 1, 86_400);
        Check.inRange("classroom.snapshotTtlSeconds", snapshotTtlSeconds, 10, 86_400);
        Check.that(stateDir != null, "journal.dataDir", "must not be empty");
    }

    /** The defaults, keeping state under {@code dataDir}. */
    public static ClassroomConfig defaults(Path dataDir) {
        return new ClassroomConfig("127.0.0.1", 8081, "", 30, 60, false, dataDir.resolve("classroom"));
    }

    public boolean hasCamera() {
        return !snapshotUrl.isEmpty();
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static ClassroomConfig from(Settings s, Path dataDir) {
        ClassroomConfig d = defaults(dataDir);
        return new ClassroomConfig(
                s.string("classroom.host", d.host()),
                s.integer("classroom.port", d.port()),
                s.string("classroom.snapshotUrl", d.snapshotUrl()),
                s.integer("classroom.snapshotSeconds", d.snapshotSeconds()),
                s.integer("classroom.snapshotTtlSeconds", d.snapshotTtlSeconds()),
                s.bool("classroom.picturesConsent", d.picturesConsent()),
                d.stateDir());
    }
}
