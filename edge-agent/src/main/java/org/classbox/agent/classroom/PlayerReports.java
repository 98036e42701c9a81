package org.classbox.agent.classroom;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the classroom page's player reported, per lesson: seconds played, seconds stalled and errors. The page posts
 * increments ({@code POST /api/v1/player}); the lesson figures read the sums through {@link #of}. Kept in memory: a
 * restart of the agent restarts the page's counting too (documented in the figures).
 */
public final class PlayerReports {
    /** A report covers at most this long: the page posts every few seconds. */
    static final double MAX_SECONDS = 3600;
    private static final Set<String> FIELDS = Set.of("lessonId", "playedSeconds", "stalledSeconds", "error");
    private final Map<String, Figures> byLesson = new ConcurrentHashMap<>();

    /**
     * The sums for one lesson.
     *
     * @param lastError the latest error the player reported, or null
     */
    public record Figures(double secondsPlayed, double secondsStalled, long errors, String lastError) {
        static final Figures NONE = new Figures(0, 0, 0, null);

        Figures plus(double played, double stalled, String error) {
            return new Figures(secondsPlayed + played, secondsStalled + stalled, errors + (error == null ? 0 : 1),
                    error == null ? lastError : error);
        }
    }

    /** The sums reported for {@code lessonId} so far (zeros when none). */
    public Figures of(String lessonId) {
        return byLesson.getOrDefault(lessonId, Figures.NONE);
    }

    /** One posted report: increments since the page's last one. */
    record Report(String lessonId, double played, double stalled, String error) {
    }

    /** Adds a checked report. */
    void add(Report report) {
        byLesson.merge(report.lessonId(), Figures.NONE.plus(report.played(), report.stalled(), report.error()),
                (old, add) -> old.plus(add.secondsPlayed(), add.secondsStalled(), add.lastError()));
    }

    /** Reads and checks a posted report; the error names the first field at fault. */
    static Report parse(String body) throws BadRequest {
        JsonObject json = ClassroomEvent.object(body);
        for (String name : json.fieldNames()) {
            if (!FIELDS.contains(name)) {
                throw new BadRequest(name, "is not a field of a player report (expected " + FIELDS + ")");
            }
        }
        String lessonId = ClassroomEvent.lessonId(json);
        double played = seconds(json, "playedSeconds");
        double stalled = seconds(json, "stalledSeconds");
        Object error = json.getValue("error");
        if (error != null && (!(error instanceof String) || ((String) error).length() > 200)) {
            throw new BadRequest("error", "must be a string of at most 200 characters, but was "
                    + ClassroomEvent.describe(error));
        }
        return new Report(lessonId, played, stalled, (String) error);
    }

    private static double seconds(JsonObject json, String field) throws BadRequest {
        Object value = json.getValue(field, 0);
        if (!(value instanceof Number) || !(((Number) value).doubleValue() >= 0)
                || ((Number) value).doubleValue() > MAX_SECONDS) {
            throw new BadRequest(field, "must be a number of seconds in [0, " + (long) MAX_SECONDS + "], but was "
                    + ClassroomEvent.describe(value));
        }
        return ((Number) value).doubleValue();
    }
}
