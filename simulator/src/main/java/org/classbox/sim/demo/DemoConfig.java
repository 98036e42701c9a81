package org.classbox.sim.demo;

import java.nio.file.Path;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * The demo topology's ports and timings. Port 0 picks a free port (tests); the defaults are the documented ones.
 *
 * @param durationSeconds          stop by itself after this long; 0 runs until Ctrl-C
 * @param brokerPort               embedded MQTT broker, loopback
 * @param consoleHttpPort          fleet console web page and API
 * @param projectorPort            simulated PJLink projector
 * @param cameraPort               simulated ONVIF camera's HTTP services (its RTSP stream on {@code cameraRtspPort})
 * @param terminalPort             simulated Starlink-style dish's status API
 * @param linkPort                 satellite link simulator; the agent reaches the broker through it
 * @param lessonLinkPort           the same satellite link for the lesson: the agent reaches the lesson origin through
 *                                 it; it goes down and up with the broker's link
 * @param classroomPort            the agent's classroom page (the projector's browser) and local API
 * @param linkProfile              {@code geo}, {@code leo}, or a profile properties file
 * @param outageEverySeconds       the link drops out this often (0: never)
 * @param outageSeconds            for this long
 * @param firstOutageAfterSeconds  the first drop comes this soon
 * @param agentPollMillis          projector poll period of the demo agent
 * @param scriptEverySeconds       the classroom script changes something on the projector this often (0: never)
 * @param dataDir                  where the broker, console and agent keep their files
 * @param lesson                   the demo lesson and its origin
 */
public record DemoConfig(int durationSeconds, int brokerPort, int consoleHttpPort, int projectorPort, int cameraPort,
                         int cameraRtspPort, int terminalPort, int linkPort,
                         int lessonLinkPort, int classroomPort, String linkProfile, int outageEverySeconds,
                         int outageSeconds, int firstOutageAfterSeconds,
                         int agentPollMillis, int scriptEverySeconds, String groupId, String boxId, Path dataDir,
                         DemoLessons.Setup lesson) {
    public DemoConfig {
        Check.inRange("duration", durationSeconds, 0, 31_536_000);
        Check.inRange("broker.port", brokerPort, 0, 65535);
        Check.inRange("console.httpPort", consoleHttpPort, 0, 65535);
        Check.inRange("projector.port", projectorPort, 0, 65535);
        Check.inRange("camera.port", cameraPort, 0, 65535);
        Check.inRange("camera.rtspPort", cameraRtspPort, 0, 65535);
        Check.inRange("terminal.port", terminalPort, 0, 65535);
        Check.inRange("link.port", linkPort, 0, 65535);
        Check.inRange("link.lessonPort", lessonLinkPort, 0, 65535);
        Check.inRange("classroom.port", classroomPort, 0, 65535);
        Check.notBlank("link.profile", linkProfile);
        Check.inRange("link.outageEverySeconds", outageEverySeconds, 0, 86_400);
        Check.inRange("link.outageSeconds", outageSeconds, 0, 86_400);
        Check.that(outageEverySeconds == 0 || outageSeconds < outageEverySeconds, "link.outageSeconds",
                "must be shorter than link.outageEverySeconds (" + outageEverySeconds + "), but was " + outageSeconds);
        Check.inRange("link.firstOutageAfterSeconds", firstOutageAfterSeconds, 0, 86_400);
        Check.inRange("agent.pollMillis", agentPollMillis, 100, 3_600_000);
        Check.inRange("script.everySeconds", scriptEverySeconds, 0, 86_400);
        Check.identifier("groupId", groupId);
        Check.identifier("boxId", boxId);
        Check.that(dataDir != null && !dataDir.toString().isBlank(), "dataDir", "must not be empty");
        Check.that(lesson != null, "lesson", "must be given");
    }

    public static DemoConfig from(Settings s) {
        DemoConfig config = new DemoConfig(
                s.integer("duration", 0),
                s.integer("broker.port", 1883),
                s.integer("console.httpPort", 8080),
                s.integer("projector.port", 4352),
                s.integer("camera.port", 8083),
                s.integer("camera.rtspPort", 8554),
                s.integer("terminal.port", 9200),
                s.integer("link.port", 1884),
                s.integer("link.lessonPort", 8091),
                s.integer("classroom.port", 8081),
                s.string("link.profile", "geo"),
                s.integer("link.outageEverySeconds", 180),
                s.integer("link.outageSeconds", 20),
                s.integer("link.firstOutageAfterSeconds", 90),
                s.integer("agent.pollMillis", 2000),
                s.integer("script.everySeconds", 10),
                s.string("groupId", "classbox"),
                s.string("boxId", "box-0001"),
                Path.of(s.string("dataDir", "./run/demo")),
                new DemoLessons.Setup(s.integer("lesson.originPort", 8090), s.integer("lesson.startAfterSeconds", 25),
                        s.integer("lesson.minutes", 30), s.string("lesson.mode", "broadcast"),
                        s.integer("lesson.delaySeconds", 30)));
        s.requireAllUsed();
        return config;
    }
}
