package org.classbox.sparkplug.lessons;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The schedule message's JSON (see {@code docs/protocol.md}): bytes in, a {@link Schedule} out, or a
 * {@link ScheduleException} naming the field ({@code lessons[2].end}) and what was expected. Strict: wrong types,
 * duplicate keys, trailing bytes, unknown modes, non-http(s) URLs, overlapping lessons and duplicate ids are errors;
 * unknown keys are ignored so a newer console can add optional fields. Pure and thread-safe.
 */
public final class ScheduleCodec {
    public static final Pattern LESSON_ID = Pattern.compile("[A-Za-z0-9._-]{1,48}");
    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_LESSONS = 200;
    public static final int MAX_MATERIALS = 50;
    public static final int MAX_TITLE_CHARS = 200;
    public static final int MAX_URL_CHARS = 2048;
    /** Longer than any school day: a lesson of more is a mistake in the schedule. */
    public static final Duration MAX_LESSON = Duration.ofHours(12);
    /** PJLink input codes: a type digit 1-6 and an input 1-9 or A-Z (class 2). */
    private static final Pattern PJLINK_INPUT = Pattern.compile("[1-6][1-9A-Z]");
    private static final Pattern MATERIAL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._()-]{0,127}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ScheduleCodec() {
    }

    public static boolean isLessonId(String id) {
        return id != null && LESSON_ID.matcher(id).matches();
    }

    /** The version a message claims, if it has a readable one, for the error of a message that fails to decode. */
    public static OptionalLong versionOf(byte[] json) {
        if (json == null || json.length == 0 || json.length > MAX_BYTES) {
            return OptionalLong.empty();
        }
        try {
            JsonNode version = MAPPER.readTree(json).get("version");
            return version != null && version.isIntegralNumber() && version.canConvertToLong()
                    ? OptionalLong.of(version.longValue()) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    public static Schedule decode(byte[] json) {
        if (json == null || json.length == 0) {
            throw new ScheduleException("schedule is empty");
        }
        if (json.length > MAX_BYTES) {
            throw new ScheduleException("schedule is " + json.length + " bytes, more than the limit of " + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ScheduleException("schedule is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScheduleException("schedule is not readable JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ScheduleException("schedule must be a JSON object");
        }
        long version = wholeNumber(root, "version", "version", 0, Long.MAX_VALUE);
        JsonNode lessonsNode = required(root, "lessons", "lessons");
        if (!lessonsNode.isArray()) {
            throw new ScheduleException("lessons must be an array");
        }
        if (lessonsNode.size() > MAX_LESSONS) {
            throw new ScheduleException("lessons must hold at most " + MAX_LESSONS + " lessons, but held "
                    + lessonsNode.size());
        }
        List<Lesson> lessons = new ArrayList<>(lessonsNode.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lessonsNode.size(); i++) {
            Lesson lesson = lesson(lessonsNode.get(i), "lessons[" + i + "]");
            if (!ids.add(lesson.id())) {
                throw new ScheduleException("lessons[" + i + "].id '" + lesson.id() + "' is used twice");
            }
            lessons.add(lesson);
        }
        lessons.sort(Comparator.comparing(Lesson::start));
        for (int i = 1; i < lessons.size(); i++) {
            Lesson before = lessons.get(i - 1);
            Lesson after = lessons.get(i);
            if (after.start().isBefore(before.end())) {
                throw new ScheduleException("lesson " + after.id() + " (start " + after.start() + ") overlaps lesson "
                        + before.id() + " (end " + before.end() + "): one room holds one lesson at a time");
            }
        }
        return new Schedule(version, lessons);
    }

    private static Lesson lesson(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new ScheduleException(at + " must be an object");
        }
        String id = text(node, "id", at + ".id", 48);
        if (!isLessonId(id)) {
            throw new ScheduleException(at + ".id must match " + LESSON_ID + ", but was '" + id + "'");
        }
        String title = text(node, "title", at + ".title", MAX_TITLE_CHARS);
        Instant start = instant(node, "start", at + ".start");
        Instant end = instant(node, "end", at + ".end");
        if (!end.isAfter(start)) {
            throw new ScheduleException(at + ".end must be after start " + start + ", but was " + end);
        }
        if (Duration.between(start, end).compareTo(MAX_LESSON) > 0) {
            throw new ScheduleException(at + ".end must be at most " + MAX_LESSON.toHours() + " h after start "
                    + start + ", but was " + end);
        }
        URI source = url(node, "source", at + ".source");
        LessonMode mode = mode(text(node, "mode", at + ".mode", 16), at + ".mode");
        LessonDelay delay = node.has("delay") && !node.get("delay").isNull() ? delay(node.get("delay"), at + ".delay")
                : null;
        List<Material> materials = materials(node.get("materials"), at + ".materials");
        RoomSetup room = node.has("room") && !node.get("room").isNull() ? room(node.get("room"), at + ".room")
                : RoomSetup.DEFAULT;
        return new Lesson(id, title, start, end, source, mode, delay, materials, room);
    }

    private static LessonMode mode(String text, String at) {
        for (LessonMode mode : LessonMode.values()) {
            if (mode.wire().equals(text)) {
                return mode;
            }
        }
        throw new ScheduleException(at + " must be interactive or broadcast, but was '" + text + "'");
    }

    private static LessonDelay delay(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new ScheduleException(at + " must be an object");
        }
        int target = (int) wholeNumber(node, "targetSeconds", at + ".targetSeconds", 0, LessonDelay.MAX_SECONDS);
        int cap = (int) wholeNumber(node, "capSeconds", at + ".capSeconds", target, LessonDelay.MAX_SECONDS);
        return new LessonDelay(target, cap);
    }

    private static List<Material> materials(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ScheduleException(at + " must be an array");
        }
        if (node.size() > MAX_MATERIALS) {
            throw new ScheduleException(at + " must hold at most " + MAX_MATERIALS + " materials, but held "
                    + node.size());
        }
        List<Material> materials = new ArrayList<>(node.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String here = at + "[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                throw new ScheduleException(here + " must be an object");
            }
            String name = text(item, "name", here + ".name", 128);
            if (!MATERIAL_NAME.matcher(name).matches() || name.contains("..")) {
                throw new ScheduleException(here + ".name must be a plain file name (letters, digits, space . _ ( )"
                        + " -, no folders), but was '" + name + "'");
            }
            if (!names.add(name)) {
                throw new ScheduleException(here + ".name '" + name + "' is used twice in one lesson");
            }
            URI url = url(item, "url", here + ".url");
            long bytes = wholeNumber(item, "bytes", here + ".bytes", 0, Long.MAX_VALUE);
            String sha256 = text(item, "sha256", here + ".sha256", 64);
            if (!SHA256.matcher(sha256).matches()) {
                throw new ScheduleException(here + ".sha256 must be 64 lower-case hex digits, but was '" + sha256
                        + "'");
            }
            materials.add(new Material(name, url, bytes, sha256));
        }
        return materials;
    }

    private static RoomSetup room(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new ScheduleException(at + " must be an object");
        }
        String input = null;
        if (node.has("projectorInput") && !node.get("projectorInput").isNull()) {
            input = text(node, "projectorInput", at + ".projectorInput", 2);
            if (!PJLINK_INPUT.matcher(input).matches()) {
                throw new ScheduleException(at + ".projectorInput must be a PJLink input code such as 31 (type 1-6,"
                        + " input 1-9 or A-Z), but was '" + input + "'");
            }
        }
        boolean camera = false;
        JsonNode cameraNode = node.get("camera");
        if (cameraNode != null && !cameraNode.isNull()) {
            if (!cameraNode.isBoolean()) {
                throw new ScheduleException(at + ".camera must be true or false, but was " + cameraNode);
            }
            camera = cameraNode.booleanValue();
        }
        return new RoomSetup(input, camera);
    }

    private static JsonNode required(JsonNode node, String key, String at) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new ScheduleException(at + " is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String key, String at, int maxChars) {
        JsonNode value = required(node, key, at);
        if (!value.isTextual()) {
            throw new ScheduleException(at + " must be a string, but was " + abbreviated(value));
        }
        String text = value.textValue();
        if (text.isBlank() || text.length() > maxChars) {
            throw new ScheduleException(at + " must be 1-" + maxChars + " characters, but was " + text.length()
                    + (text.isBlank() ? " (blank)" : ""));
        }
        return text;
    }

    private static long wholeNumber(JsonNode node, String key, String at, long min, long max) {
        JsonNode value = required(node, key, at);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ScheduleException(at + " must be a whole number, but was " + abbreviated(value));
        }
        long number = value.longValue();
        if (number < min || number > max) {
            throw new ScheduleException(at + " must be in [" + min + ", " + max + "], but was " + number);
        }
        return number;
    }

    private static Instant instant(JsonNode node, String key, String at) {
        String text = text(node, key, at, 40);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ScheduleException(at + " must be a UTC time such as 2026-11-28T02:00:00Z, but was '" + text
                    + "'");
        }
    }

    private static URI url(JsonNode node, String key, String at) {
        String text = text(node, key, at, MAX_URL_CHARS);
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below with the field's name.
        }
        throw new ScheduleException(at + " must be an http or https URL with a host, but was '" + text + "'");
    }

    private static String abbreviated(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** The JSON of {@code schedule}, as {@link #decode} reads it. */
    public static byte[] encode(Schedule schedule) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", schedule.version());
        ArrayNode lessons = root.putArray("lessons");
        for (Lesson lesson : schedule.lessons()) {
            ObjectNode l = lessons.addObject();
            l.put("id", lesson.id());
            l.put("title", lesson.title());
            l.put("start", lesson.start().toString());
            l.put("end", lesson.end().toString());
            l.put("source", lesson.source().toString());
            l.put("mode", lesson.mode().wire());
            if (lesson.delay() != null) {
                l.putObject("delay").put("targetSeconds", lesson.delay().targetSeconds())
                        .put("capSeconds", lesson.delay().capSeconds());
            }
            ArrayNode materials = l.putArray("materials");
            for (Material m : lesson.materials()) {
                materials.addObject().put("name", m.name()).put("url", m.url().toString()).put("bytes", m.bytes())
                        .put("sha256", m.sha256());
            }
            ObjectNode room = l.putObject("room");
            if (lesson.room().projectorInput() != null) {
                room.put("projectorInput", lesson.room().projectorInput());
            }
            room.put("camera", lesson.room().camera());
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a schedule as JSON", e);
        }
    }
}
