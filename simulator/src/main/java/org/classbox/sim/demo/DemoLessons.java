package org.classbox.sim.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.classbox.settings.Check;

/**
 * The demo's lesson: a live lesson that starts soon after the demo does, so a newcomer sees one within a minute, fed
 * by the demo's lesson origin. {@link #schedule} builds the schedule message of the lessons contract (published by the
 * fleet, retained, on {@code classbox/v1/<group>/<box>/schedule}).
 */
public final class DemoLessons {
    public static final String LESSON_ID = "demo-english-5a";
    public static final String TITLE = "English 5A (demo)";
    /** PJLink input code of the projector's first HDMI input. */
    public static final String PROJECTOR_INPUT = "31";
    /** The largest delay behind live the box may take for the demo lesson. */
    static final int CAP_SECONDS = 120;

    private DemoLessons() {
    }

    /**
     * The demo lesson's timing, origin and delay. Keys: {@code lesson.originPort=8090} (0 picks a free port),
     * {@code lesson.startAfterSeconds=25}, {@code lesson.minutes=30} (0: no lesson and no origin),
     * {@code lesson.mode=broadcast} ({@code interactive} or {@code broadcast}), {@code lesson.delaySeconds=30} (a
     * broadcast lesson's delay behind live; an interactive one starts a few segments behind and grows with outages).
     */
    public record Setup(int originPort, int startAfterSeconds, int minutes, String mode, int delaySeconds) {
        public Setup {
            Check.inRange("lesson.originPort", originPort, 0, 65535);
            Check.inRange("lesson.startAfterSeconds", startAfterSeconds, 0, 86_400);
            Check.inRange("lesson.minutes", minutes, 0, 600);
            Check.that("interactive".equals(mode) || "broadcast".equals(mode), "lesson.mode",
                    "must be interactive or broadcast, but was '" + mode + "'");
            Check.inRange("lesson.delaySeconds", delaySeconds, 1, CAP_SECONDS);
        }

        /** The defaults above with another start and length (tests). */
        public static Setup of(int originPort, int startAfterSeconds, int minutes) {
            return new Setup(originPort, startAfterSeconds, minutes, "broadcast", 30);
        }

        public boolean enabled() {
            return minutes > 0;
        }

        /** The origin encodes from the demo's start to the lesson's end. */
        public double originMinutes() {
            return startAfterSeconds / 60.0 + minutes;
        }
    }

    /**
     * The schedule message with the one demo lesson: starting {@code setup.startAfterSeconds()} after
     * {@code demoStart} (whole seconds), lasting {@code setup.minutes()}, read from {@code source} (the origin's
     * master playlist, directly or through the link simulator: the caller's choice), in the setup's mode and delay.
     */
    public static JsonObject schedule(long version, Instant demoStart, Setup setup, URI source) {
        Objects.requireNonNull(source, "source");
        Instant start = demoStart.plusSeconds(setup.startAfterSeconds()).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofMinutes(setup.minutes()));
        JsonObject lesson = new JsonObject()
                .put("id", lessonId(demoStart))
                .put("title", TITLE)
                .put("start", start.toString())
                .put("end", end.toString())
                .put("source", source.toString())
                .put("mode", setup.mode())
                .put("delay", new JsonObject().put("targetSeconds", setup.delaySeconds()).put("capSeconds",
                        CAP_SECONDS))
                .put("materials", new JsonArray())
                .put("room", new JsonObject().put("projectorInput", PROJECTOR_INPUT).put("camera", true));
        return new JsonObject().put("version", version).put("lessons", new JsonArray().add(lesson));
    }

    /**
     * The lesson id of the demo started at {@code demoStart}: one per run, because the box keeps each lesson's
     * recording under its id and a new run's origin is a new lesson.
     */
    public static String lessonId(Instant demoStart) {
        return LESSON_ID + "-" + demoStart.getEpochSecond();
    }
}
