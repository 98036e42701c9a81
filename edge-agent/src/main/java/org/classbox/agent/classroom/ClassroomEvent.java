package org.classbox.agent.classroom;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One event of the class, as posted to {@code POST /api/v1/events}: which lesson, what kind, the lesson media time it
 * refers to, and the answer's or question's text or the attendance count. {@link #parse} is the only way in from the
 * network and checks every field.
 *
 * @param mediaTime seconds of lesson media time the class was seeing
 * @param text      answer or question text; null for help and attendance
 * @param count     students present; null unless attendance
 */
public record ClassroomEvent(String lessonId, Kind kind, double mediaTime, String text, Long count) {
    /** Lesson ids as the schedule defines them. */
    public static final Pattern LESSON_ID = Pattern.compile("[A-Za-z0-9._-]{1,48}");
    public static final int MAX_TEXT_CHARS = 2000;
    public static final int MAX_COUNT = 10_000;
    /** Longer than any lesson: a media time past it is a client's bug. */
    public static final double MAX_MEDIA_TIME = 86_400;
    private static final Set<String> FIELDS = Set.of("lessonId", "kind", "mediaTime", "text", "count");

    /** What the class did. */
    public enum Kind {
        ANSWER, QUESTION, HELP, ATTENDANCE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reads and checks a posted event; the error names the first field at fault. */
    static ClassroomEvent parse(String body) throws BadRequest {
        JsonObject json = object(body);
        for (String name : json.fieldNames()) {
            if (!FIELDS.contains(name)) {
                throw new BadRequest(name, "is not a field of an event (expected " + FIELDS + ")");
            }
        }
        String lessonId = lessonId(json);
        Kind kind = kind(json.getValue("kind"));
        Object time = json.getValue("mediaTime");
        if (!(time instanceof Number) || !(((Number) time).doubleValue() >= 0)
                || ((Number) time).doubleValue() > MAX_MEDIA_TIME) {
            throw new BadRequest("mediaTime", "must be a number of seconds in [0, " + (long) MAX_MEDIA_TIME
                    + "], but was " + describe(time));
        }
        String text = null;
        Long count = null;
        if (kind == Kind.ANSWER || kind == Kind.QUESTION) {
            Object value = json.getValue("text");
            if (!(value instanceof String) || ((String) value).isBlank()
                    || ((String) value).length() > MAX_TEXT_CHARS) {
                throw new BadRequest("text", "must be a non-blank string of at most " + MAX_TEXT_CHARS
                        + " characters for an " + kind.wireName() + ", but was " + describe(value));
            }
            text = (String) value;
        } else if (json.containsKey("text")) {
            throw new BadRequest("text", "is only for an answer or a question, not " + kind.wireName());
        }
        if (kind == Kind.ATTENDANCE) {
            Object value = json.getValue("count");
            if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0
                    || ((Number) value).longValue() > MAX_COUNT) {
                throw new BadRequest("count", "must be a whole number in [0, " + MAX_COUNT + "] for attendance,"
                        + " but was " + describe(value));
            }
            count = ((Number) value).longValue();
        } else if (json.containsKey("count")) {
            throw new BadRequest("count", "is only for attendance, not " + kind.wireName());
        }
        return new ClassroomEvent(lessonId, kind, ((Number) time).doubleValue(), text, count);
    }

    static JsonObject object(String body) throws BadRequest {
        if (body == null) {
            throw new BadRequest("body", "must be one JSON object, but was empty");
        }
        try {
            Object parsed = io.vertx.core.json.Json.decodeValue(body);
            if (parsed instanceof JsonObject) {
                return (JsonObject) parsed;
            }
        } catch (DecodeException e) {
            // Reported below: the parser's message would leak its internals.
        }
        throw new BadRequest("body", "must be one JSON object");
    }

    static String lessonId(JsonObject json) throws BadRequest {
        Object value = json.getValue("lessonId");
        if (!(value instanceof String) || !LESSON_ID.matcher((String) value).matches()) {
            throw new BadRequest("lessonId", "must match " + LESSON_ID.pattern() + ", but was " + describe(value));
        }
        return (String) value;
    }

    private static Kind kind(Object value) throws BadRequest {
        if (value instanceof String) {
            for (Kind kind : Kind.values()) {
                if (kind.wireName().equals(value)) {
                    return kind;
                }
            }
        }
        throw new BadRequest("kind", "must be one of answer, question, help, attendance, but was " + describe(value));
    }

    static String describe(Object value) {
        if (value == null) {
            return "missing";
        }
        String text = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
