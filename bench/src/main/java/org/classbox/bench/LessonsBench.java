package org.classbox.bench;

import java.util.List;
import org.classbox.agent.lessons.buffer.BufferStatus;
import org.classbox.agent.lessons.buffer.LiveLesson;
import org.classbox.sim.link.LinkProfile;
import org.classbox.sim.link.OutagePlan;
import org.classbox.sim.link.OutageTraces;

/**
 * {@code bench/run lessons}: a lesson through a satellite link with outages, a class reading the origin directly
 * (hls.js defaults) and one reading the box, side by side on the same trace in one run; then an interactive
 * lesson's delay behind live on the steady LEO profile (and, for information, under GEO with rain fades); then where
 * segments are stored ({@link LessonStorageBench}). Lessons run compressed 8x (ffmpeg's {@code -readrate}; another
 * rate with {@code JAVA_TOOL_OPTIONS=-Dbench.lessons.rate=R}, to see what the compression itself costs); every
 * figure is in media time.
 */
final class LessonsBench {
    static final double RATE = Double.parseDouble(System.getProperty("bench.lessons.rate", "8"));
    private static final int BROADCAST_DELAY = 30;
    private final boolean quick;

    LessonsBench(boolean quick) {
        this.quick = quick;
    }

    void run() throws Exception {
        LinkProfile outageLink = new LinkProfile("lesson", 1_000_000, 4_000_000, 300, 0,
                OutageTraces.builtIn("lesson-45min"), 1);
        LessonScenario.Result outages = new LessonScenario(quick ? 12 : 45, RATE, outageLink,
                LiveLesson.Mode.BROADCAST, BROADCAST_DELAY, List.of(
                new LessonScenario.Player("DIRECT", true, 3),
                new LessonScenario.Player("CLASSBOX", false, 3))).run();
        System.out.printf("== trace lesson-45min (%s), broadcast lesson, %d s target delay; link 4 Mbit/s,"
                + " 300 ms one way%n", quick ? "first 12 min" : "45 min", BROADCAST_DELAY);
        printPlayers(outages, true);
        double worstRatio = printOutages(outages, outages.players().get(1), outages.players().get(0));

        LinkProfile leo = LinkProfile.leo().withOutages(OutagePlan.none());
        LessonScenario.Result steady = new LessonScenario(quick ? 3 : 5, RATE, leo, LiveLesson.Mode.INTERACTIVE, 0,
                List.of(new LessonScenario.Player("DIRECT", true, 3),
                        new LessonScenario.Player("CLASSBOX", false, 3),
                        new LessonScenario.Player("CLASSBOX, liveSyncDurationCount 1", false, 1),
                        new LessonScenario.Player("CLASSBOX, joined after 60 s", false, 3, 60),
                        new LessonScenario.Player("CLASSBOX, joined after 60 s, liveSyncDurationCount 1", false, 1,
                                60))).run();
        System.out.println("== steady LEO (100 Mbit/s, 20-30 ms, no outages), interactive lesson");
        printPlayers(steady, false);
        double interactiveDelay = steady.players().get(1).meanDelay();

        if (!quick) {
            LinkProfile geo = LinkProfile.geo().withOutages(OutageTraces.builtIn("rain-fade-10min"));
            LessonScenario.Result fades = new LessonScenario(10, RATE, geo, LiveLesson.Mode.INTERACTIVE, 0,
                    List.of(new LessonScenario.Player("DIRECT", true, 3),
                            new LessonScenario.Player("CLASSBOX", false, 3))).run();
            System.out.println("== GEO (2 Mbit/s, 300 ms) with trace rain-fade-10min, interactive lesson"
                    + " (for information)");
            printPlayers(fades, false);
            printOutages(fades, fades.players().get(1), fades.players().get(0));
        }

        System.out.println("== segment storage");
        new LessonStorageBench(true).run();

        PlayerModel direct = outages.players().get(0);
        PlayerModel box = outages.players().get(1);
        System.out.printf("lessons: catch-up after an outage within %.2fx its limit at worst (target <= 1.5)%n",
                worstRatio);
        System.out.printf("lessons: an interactive lesson's mean delay behind live %.1f s on steady LEO for a class"
                + " playing from the start, %.1f s for one joining 60 s in (target < 10)%n", interactiveDelay,
                steady.players().get(3).meanDelay());
        System.out.printf("lessons: %.1f s stalled through classbox vs %.1f s reading the origin directly"
                + " (target 0)%n", box.stalled, direct.stalled);
    }

    private static void printPlayers(LessonScenario.Result r, boolean givenUp) {
        System.out.printf("lesson %.0f media s, origin at %.1fx (asked %.0fx), stream %.2f Mbit/s measured; box: %s,"
                + " %.0f s skipped as gaps, %d segments missing, delay %.0f s; link bytes down: box %.1f MB,"
                + " direct %.1f MB%n", r.lessonSeconds(), r.originRate(), RATE, r.streamBitsPerSecond() / 1e6,
                stateOf(r.box()), r.box() == null ? 0 : r.box().gapSeconds(),
                r.box() == null ? 0 : r.box().segmentsMissing(), r.box() == null ? 0 : r.box().delaySeconds(),
                r.boxBytesDown() / 1e6, r.directBytesDown() / 1e6);
        System.out.printf("%-52s %10s %10s %7s %13s %7s%n", "player (hls.js 1.4.12 defaults)", "stalled s",
                "skipped s", "stalls", "mean delay s", "fatal");
        for (PlayerModel p : r.players()) {
            System.out.printf("%-52s %10.1f %10.1f %7d %13.1f %7d%n", p.name + (p.finished() ? "" : " (unfinished)"),
                    p.stalled, p.skipped, p.stalls, p.meanDelay(), p.fatalErrors);
            if (givenUp && !Double.isNaN(p.firstFatalAt)) {
                System.out.printf("%-52s %10.1f %10s %7s%n", "  the same, had the page not reloaded it",
                        p.stalledIfGivenUp(r.lessonSeconds()), "-", "-");
            }
            if (!r.outages().isEmpty()) {
                double within = 0;
                for (CatchUpWatch.Outage o : r.outages()) {
                    within += stalledWithin(p, o.downAt, o.upAt + 60);
                }
                System.out.printf("  %.1f s of the stalls from an outage's start to a minute after its end, %.1f s"
                        + " elsewhere%n", within, p.stalled - within);
            }
            StringBuilder events = new StringBuilder();
            for (double[] e : p.stallEvents()) {
                if (events.length() < 300) {
                    events.append(String.format(" %.0f s (%.1f s)", e[0] - r.t0(), e[1]));
                }
            }
            if (!p.stallEvents().isEmpty()) {
                System.out.println("  stalls at (s from the start):" + events);
            }
        }
    }

    /**
     * Each outage of the box's link, its catch-up against the limit, and the stalls of the two players from the
     * outage's start to a minute after its end (the box's delay is at most the cap, 120 s: a broadcast lesson's
     * stalls from an outage fall within its 30 s delay plus the outage).
     */
    private static double printOutages(LessonScenario.Result r, PlayerModel box, PlayerModel direct) {
        System.out.printf("%-8s %10s %9s %11s %9s %11s %7s %14s %14s%n", "outage", "down at s", "length s",
                "missing kB", "limit s", "catch-up s", "ratio", "box stalled s", "direct stalled s");
        double worst = 0;
        int i = 1;
        for (CatchUpWatch.Outage o : r.outages()) {
            double ratio = o.catchUpSeconds() / o.limitSeconds;
            worst = Math.max(worst, Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : ratio);
            double until = o.upAt + 60;
            System.out.printf("%-8d %10.0f %9.1f %11.0f %9.1f %11.1f %7.2f %14.1f %14.1f%n", i++, o.downAt - r.t0(),
                    o.upAt - o.downAt, o.missingBytes / 1e3, o.limitSeconds, o.catchUpSeconds(), ratio,
                    stalledWithin(box, o.downAt, until), stalledWithin(direct, o.downAt, until));
        }
        return worst;
    }

    private static double stalledWithin(PlayerModel p, double from, double until) {
        double stalled = 0;
        for (double[] e : p.stallEvents()) {
            stalled += Math.max(0, Math.min(until, e[0] + e[1]) - Math.max(from, e[0]));
        }
        return stalled;
    }

    private static String stateOf(BufferStatus s) {
        return s == null ? "not followed" : s.state().name().toLowerCase();
    }
}
