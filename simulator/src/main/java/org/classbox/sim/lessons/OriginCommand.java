package org.classbox.sim.lessons;

import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;

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
            Settings settings = Settings.load(args, System.getenv());
            if (settings.bool("help", false)) {
                System.out.println(USAGE);
                return 0;
            }
            config = LessonOriginConfig.from(settings);
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage() + "\n" + USAGE);
            return ConfigException.EXIT_CODE;
        }
        Vertx vertx = Vertx.vertx();
        LessonOrigin origin = new LessonOrigin(vertx, config);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                origin.stop().await(30, TimeUnit.SECONDS);
                vertx.close().await(10, TimeUnit.SECONDS);
                System.out.println("origin: stopped");
            } catch (Exception e) {
                System.err.println("origin: stopping failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "origin-shutdown");
        try {
            origin.start().await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("origin did not start: " + e.getMessage());
            vertx.close();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println("origin: live at " + origin.masterUri() + " (" + config.minutes() + " min, "
                + config.renditions() + ", " + config.segmentSeconds() + " s segments, rate " + config.rate() + ")");
        origin.ended().onSuccess(v -> System.out.println("origin: lesson " + config.lessonId()
                + " ended; still serving it"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
