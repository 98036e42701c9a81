package org.classbox.sim.lessons;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;

/**
 * What the lesson origin produces and where it serves it. Keys (flags of {@code simulator origin}) with defaults:
 * {@code host=127.0.0.1 port=8090 lesson=demo-lesson minutes=45 segmentSeconds=2 rate=1 fps=25
 * renditions=640x360@800k,320x180@250k dataDir=./run/origin ffmpeg=ffmpeg}.
 *
 * @param host           address the HTTP server binds; loopback unless a box on another machine must reach it
 * @param port           HTTP port; 0 picks a free one
 * @param lessonId       the lesson, {@code [A-Za-z0-9._-]{1,48}}; served at {@code /live/<lessonId>/master.m3u8}
 * @param minutes        lesson length in media time; the playlists end ({@code EXT-X-ENDLIST}) after it
 * @param segmentSeconds media seconds per segment (a key frame starts each one)
 * @param rate           media produced per wall second (ffmpeg {@code -readrate}): 10 makes a 10-minute lesson in
 *                       one minute; simulation only
 * @param fps            frames per second of the pattern
 * @param renditions     one to four, each encoded at constant bit rate
 * @param dataDir        ffmpeg writes the lesson under {@code <dataDir>/live/<lessonId>/} (emptied at start)
 * @param ffmpeg         the ffmpeg program: a name looked up on PATH, or a path
 */
public record LessonOriginConfig(String host, int port, String lessonId, double minutes, double segmentSeconds,
                                 double rate, int fps, List<Rendition> renditions, Path dataDir, String ffmpeg) {
    public static final int DEFAULT_PORT = 8090;
    private static final Pattern LESSON_ID = Pattern.compile("[A-Za-z0-9._-]{1,48}");

    public LessonOriginConfig {
        Check.notBlank("host", host);
        Check.inRange("port", port, 0, 65535);
        if (lessonId == null || !LESSON_ID.matcher(lessonId).matches() || lessonId.equals(".")
                || lessonId.equals("..")) {
            throw new ConfigException("lesson", "lesson must be 1-48 letters, digits, '.', '_' or '-', but was '"
                    + lessonId + "'");
        }
        Check.inRange("minutes", minutes, 0.05, 600.0);
        Check.inRange("segmentSeconds", segmentSeconds, 0.5, 30.0);
        Check.inRange("rate", rate, 0.1, 100.0);
        Check.inRange("fps", fps, 1, 60);
        Check.that(renditions != null && !renditions.isEmpty() && renditions.size() <= 4, "renditions",
                "must list one to four renditions, but was " + renditions);
        Check.that(new HashSet<>(renditions.stream().map(Rendition::name).toList()).size() == renditions.size(),
                "renditions", "must have different heights (each names its folder), but was " + renditions);
        renditions = List.copyOf(renditions);
        Check.that(dataDir != null && !dataDir.toString().isBlank(), "dataDir", "must not be empty");
        Check.notBlank("ffmpeg", ffmpeg);
    }

    /** The defaults above for {@code lessonId}, writing under {@code dataDir}; a free port. */
    public static LessonOriginConfig of(String lessonId, Path dataDir) {
        return new LessonOriginConfig("127.0.0.1", 0, lessonId, 45, 2, 1, 25, Rendition.defaults(), dataDir,
                "ffmpeg");
    }

    /** Reads the keys above; unknown keys are errors. */
    public static LessonOriginConfig from(Settings s) {
        LessonOriginConfig config = new LessonOriginConfig(
                s.string("host", "127.0.0.1"),
                s.integer("port", DEFAULT_PORT),
                s.string("lesson", "demo-lesson"),
                s.decimal("minutes", 45),
                s.decimal("segmentSeconds", 2),
                s.decimal("rate", 1),
                s.integer("fps", 25),
                Rendition.parseList("renditions", s.string("renditions", "640x360@800k,320x180@250k")),
                Path.of(s.string("dataDir", "./run/origin")),
                s.string("ffmpeg", "ffmpeg"));
        s.requireAllUsed();
        return config;
    }

    public LessonOriginConfig withLength(double lessonMinutes, double lessonSegmentSeconds, double lessonRate) {
        return new LessonOriginConfig(host, port, lessonId, lessonMinutes, lessonSegmentSeconds, lessonRate, fps,
                renditions, dataDir, ffmpeg);
    }

    public LessonOriginConfig withPort(int httpPort) {
        return new LessonOriginConfig(host, httpPort, lessonId, minutes, segmentSeconds, rate, fps, renditions,
                dataDir, ffmpeg);
    }

    public LessonOriginConfig withFfmpeg(String program) {
        return new LessonOriginConfig(host, port, lessonId, minutes, segmentSeconds, rate, fps, renditions, dataDir,
                program);
    }

    /** Where ffmpeg writes this lesson; the HTTP server serves {@code <dataDir>/live}. */
    public Path lessonDir() {
        return liveDir().resolve(lessonId);
    }

    public Path liveDir() {
        return dataDir.toAbsolutePath().normalize().resolve("live");
    }
}
