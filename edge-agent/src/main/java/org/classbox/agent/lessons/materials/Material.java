package org.classbox.agent.lessons.materials;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One file a scheduled lesson needs on the box before it starts, as the schedule names it. The constructor rejects
 * what could escape the lesson's folder or never verify: a name with a folder in it ({@code ../x}), a URL that is not
 * http(s), a size below 0, a sha256 that is not 64 hex digits.
 *
 * @param lessonId    the lesson, {@code [A-Za-z0-9._-]{1,48}}
 * @param name        the file's name in the lesson's folder
 * @param url         where to download it (http or https)
 * @param bytes       its size
 * @param sha256      its SHA-256, lower-case hex
 * @param lessonStart when the lesson starts: materials of the lessons nearest in time come first
 */
public record Material(String lessonId, String name, URI url, long bytes, String sha256, Instant lessonStart) {
    private static final Pattern LESSON_ID = Pattern.compile("[A-Za-z0-9._-]{1,48}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._ -]{0,127}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Material {
        checkLessonId(lessonId);
        checkName(lessonId, name);
        if (url == null || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException("material '" + name + "' of lesson '" + lessonId
                    + "' must have an http(s) URL with a host, but was '" + url + "'");
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("material '" + name + "' of lesson '" + lessonId
                    + "' must have bytes >= 0, but was " + bytes);
        }
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("material '" + name + "' of lesson '" + lessonId
                    + "' must have a sha256 of 64 hex digits, but was '" + sha256 + "'");
        }
        if (lessonStart == null) {
            throw new IllegalArgumentException("material '" + name + "' of lesson '" + lessonId
                    + "' needs its lesson's start time");
        }
    }

    /** Rejects a lesson id that is not {@code [A-Za-z0-9._-]{1,48}}, or is {@code .} or {@code ..}. */
    public static String checkLessonId(String lessonId) {
        if (lessonId == null || !LESSON_ID.matcher(lessonId).matches() || lessonId.equals(".")
                || lessonId.equals("..")) {
            throw new IllegalArgumentException("lesson id must be 1-48 letters, digits, '.', '_' or '-' (and not"
                    + " '.' or '..'), but was '" + lessonId + "'");
        }
        return lessonId;
    }

    /**
     * Rejects a material name that could leave the lesson's folder or hide there: it must be 1-128 letters, digits,
     * '.', '_', '-' or spaces, starting with a letter, digit or '_' — no '/', no '\', no leading dot, so no {@code ..}.
     */
    public static String checkName(String lessonId, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("material name '" + name + "' of lesson '" + lessonId
                    + "' must be a plain file name (1-128 letters, digits, '.', '_', '-' or spaces, not starting"
                    + " with '.' or '-'; no folders, no '..')");
        }
        return name;
    }
}
