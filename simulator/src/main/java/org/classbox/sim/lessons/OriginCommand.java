package org.classbox.sim.lessons;

import io.vertx.core.Vertx;
import java.util.List;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.sim.Foreground;

/**
 * {@code simulator origin [--port 8090] [--lesson ID] [--minutes 45] [--segmentSeconds 2] [--rate 1] [--dataDir D]
 * [--host 127.0.0.1] [--fps 25] [--renditions 640x360@800k,320x180@250k] [--ffmpeg ffmpeg]}: runs a lesson origin
 * until Ctrl-C (it keeps serving the finished lesson after its end). Prints {@code origin: live at <uri>} once a
 * box may follow it. Exit code 2: bad arguments; 1: it did not start.
 */
public final class OriginCommand {
    static final String USAGE = "usage: simulator origin [--port 8090] [--lesson demo-lesson] [--minutes 45]"
            + " [--segmentSeconds 2] [--rate 1]\n"
            + "                        [--dataDir ./run/origin] [--host 127.0.0.1] [--fps 25]"
            + " [--renditions 640x360@800k,320x180@250k] [--ffmpeg ffmpeg]\n"
            + "  A live HLS lesson (test pattern with a clock, a tone) at http://HOST:PORT/live/LESSON/master.m3u8,\n"
            + "  a camera-like still at /snapshot.jpg. --rate R makes media R times faster than real time (tests).";

    private OriginCommand() {
    }

    public static int run(String[] args) {
        LessonOriginConfig config;
        try {
            if (List.of(args).contains("--help")) {
                System.out.println(USAGE);
                return 0;
            }
            Settings settings = Settings.load(args, System.getenv());
            config = LessonOriginConfig.from(settings);
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage() + "\n" + USAGE);
            return ConfigException.EXIT_CODE;
        }
        Vertx vertx = Vertx.vertx();
        LessonOrigin origin = new LessonOrigin(vertx, config);
        return Foreground.run("origin", vertx, origin::start, origin::stop, () -> {
            System.out.println("origin: live at " + origin.masterUri() + " (" + config.minutes() + " min, "
                    + config.renditions() + ", " + config.segmentSeconds() + " s segments, rate " + config.rate()
                    + "); camera still at " + origin.snapshotUri());
            origin.ended().onSuccess(v -> System.out.println("origin: lesson " + config.lessonId()
                    + " ended; still serving it"));
        });
    }
}
