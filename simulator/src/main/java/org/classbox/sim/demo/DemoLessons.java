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

    private DemoLessons() {
    }

    /**
     * The demo lesson's timing and origin. Keys: {@code lesson.originPort=8090} (0 picks a free port),
     * {@code lesson.startAfterSeconds=40}, {@code lesson.minutes=30} (0: no lesson and no origin).
     */
    public record Setup(int originPort, int startAfterSeconds, int minutes) {
        public Setup {
            Check.inRange("lesson.originPort", originPort, 0, 65535);
            Check.inRange("lesson.startAfterSeconds", startAfterSeconds, 0, 86_400);
            Check.inRange("lesson.minutes", minutes, 0, 600);
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
     * master playlist, directly or through the link simulator: the caller's choice), interactive.
     */
    public static JsonObject schedule(long version, Instant demoStart, Setup setup, URI source) {
        Objects.requireNonNull(source, "source");
        Instant start = demoStart.plusSeconds(setup.startAfterSeconds()).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofMinutes(setup.minutes()));
        JsonObject lesson = new JsonObject()
                .put("id", LESSON_ID)
                .put("title", TITLE)
                .put("start", start.toString())
                .put("end", end.toString())
                .put("source", source.toString())
                .put("mode", "interactive")
                .put("delay", new JsonObject().put("targetSeconds", 30).put("capSeconds", 120))
                .put("materials", new JsonArray())
                .put("room", new JsonObject().put("projectorInput", PROJECTOR_INPUT).put("camera", true));
        return new JsonObject().put("version", version).put("lessons", new JsonArray().add(lesson));
    }
}
