package org.classbox.agent.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * The classroom projector the agent supervises over PJLink.
 *
 * @param host         projector address on the classroom LAN
 * @param port         PJLink TCP port
 * @param password     PJLink password, empty when authentication is off
 * @param pollMillis   time between status polls
 * @param timeoutMillis how long to wait for each PJLink reply
 * @param reprobeMinutes how long queries the projector does not support (ERR1/ERR2, such as a laser's LAMP) are left
 *                      unasked before they are tried again; a projector that turns out to be another one (NAME,
 *                      INF1, INF2, CLSS) is asked everything at once
 */
public record ProjectorConfig(String host, int port, String password, int pollMillis, int timeoutMillis,
                              int reprobeMinutes) {
    public ProjectorConfig {
        Check.notBlank("projector.host", host);
        Check.port("projector.port", port);
        Check.that(password != null && password.length() <= 32, "projector.password",
                "must be at most 32 characters (PJLink limit)");
        Check.inRange("projector.pollMillis", pollMillis, 100, 3_600_000);
        Check.inRange("projector.timeoutMillis", timeoutMillis, 100, 60_000);
        Check.inRange("projector.reprobeMinutes", reprobeMinutes, 1, 43_200);
    }

    static ProjectorConfig from(Settings s) {
        return new ProjectorConfig(
                s.string("projector.host", "127.0.0.1"),
                s.integer("projector.port", 4352),
                s.string("projector.password", ""),
                s.integer("projector.pollMillis", 5000),
                s.integer("projector.timeoutMillis", 5000),
                s.integer("projector.reprobeMinutes", 1440));
    }
}
