package org.classbox.sim.lessons;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ffmpeg command lines of the origin: finding the program, the live HLS encode and a JPEG snapshot. Pure apart
 * from looking at the file system; every method may block briefly (call on a worker).
 */
final class Ffmpeg {
    /** AAC mono in every rendition: a tone needs little, and the box then follows one playlist per rendition. */
    static final long AUDIO_BITS_PER_SECOND = 64_000;
    private static final List<Path> FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf"));

    private Ffmpeg() {
    }

    /** The ffmpeg program as a path, or an error saying how to install it. */
    static Path locate(String program) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            if (Files.isExecutable(path)) {
                return path;
            }
            throw missing("'" + program + "' is not an executable file");
        }
        String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return Stream.of(pathVariable.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> missing("'" + program + "' is not on PATH (" + pathVariable + ")"));
    }

    private static IllegalStateException missing(String why) {
        return new IllegalStateException("the lesson origin needs ffmpeg, but " + why
                + ": apt-get install ffmpeg (or give --ffmpeg=/path/to/ffmpeg)");
    }

    /** A font for the burnt-in wall clock, if one is installed. */
    static Optional<Path> font() {
        return FONTS.stream().filter(Files::isReadable).findFirst();
    }

    /**
     * The live encode: a test pattern (whose own counter runs with media time) with the media time, the lesson id and,
     * if a font is present, the wall time drawn on it, and a beeping tone; H.264 (x264 CBR with filler, so a rendition's
     * bit rate holds at any picture) and AAC in MPEG-TS segments that each start with a key frame; one EVENT media
     * playlist per rendition (nothing is ever deleted) and a multivariant {@code master.m3u8}. ffmpeg writes every
     * playlist and segment to a {@code .tmp} file and renames it, so a reader never sees half a file. x264's
     * ultrafast preset: on a busy 2-core machine veryfast managed only about 6x real time for both renditions, ultrafast
     * about 9x (the bit rate is the same, CBR; the picture is a test pattern).
     */
    static List<String> encode(Path ffmpeg, LessonOriginConfig c, Optional<Path> font) {
        List<Rendition> renditions = c.renditions();
        Rendition largest = renditions.stream().max((a, b) -> Integer.compare(a.height(), b.height())).orElseThrow();
        List<String> args = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin",
                "-loglevel", "warning", "-stats", "-stats_period", "5",
                "-readrate", number(c.rate()),
                "-f", "lavfi", "-i", "testsrc2=size=" + largest.size() + ":rate=" + c.fps() + "[out0];"
                        + "sine=frequency=440:beep_factor=4:sample_rate=48000[out1]",
                "-t", number(c.minutes() * 60),
                "-filter_complex", videoGraph(c, font)));
        for (int i = 0; i < renditions.size(); i++) {
            args.addAll(List.of("-map", "[v" + i + "]"));
        }
        for (int i = 0; i < renditions.size(); i++) {
            args.addAll(List.of("-map", "0:a"));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-profile:v", "main",
                "-pix_fmt", "yuv420p", "-sc_threshold", "0",
                "-force_key_frames", "expr:gte(t,n_forced*" + number(c.segmentSeconds()) + ")",
                "-x264-params", "nal-hrd=cbr"));
        for (int i = 0; i < renditions.size(); i++) {
            String bits = String.valueOf(renditions.get(i).videoBitsPerSecond());
            args.addAll(List.of("-b:v:" + i, bits, "-minrate:v:" + i, bits, "-maxrate:v:" + i, bits,
                    "-bufsize:v:" + i, bits));
        }
        args.addAll(List.of("-c:a", "aac", "-b:a", String.valueOf(AUDIO_BITS_PER_SECOND), "-ac", "1",
                "-f", "hls", "-hls_time", number(c.segmentSeconds()), "-hls_playlist_type", "event",
                "-hls_flags", "independent_segments+temp_file+program_date_time",
                "-hls_segment_type", "mpegts",
                "-hls_segment_filename", c.lessonDir().resolve("%v").resolve("seg-%05d.ts").toString(),
                "-master_pl_name", "master.m3u8",
                "-var_stream_map", streamMap(renditions),
                c.lessonDir().resolve("%v").resolve("index.m3u8").toString()));
        return List.copyOf(args);
    }

    /** One JPEG of the pattern at {@code size}, on standard output: a classroom camera's HTTP snapshot stand-in. */
    static List<String> snapshot(Path ffmpeg, String size, Optional<Path> font) {
        String clock = font.map(f -> ",drawtext=fontfile=" + f + ":fontsize=24:fontcolor=white:box=1"
                + ":boxcolor=black@0.6:x=8:y=h-th-8:text='camera %{localtime}'").orElse("");
        return List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=1" + clock,
                "-frames:v", "1", "-f", "image2", "-c:v", "mjpeg", "pipe:1");
    }

    private static String videoGraph(LessonOriginConfig c, Optional<Path> font) {
        List<Rendition> renditions = c.renditions();
        // The media time is always drawn by the pattern's own counter; the wall clock needs a font.
        String text = font.map(f -> "drawtext=fontfile=" + f + ":fontsize=16:fontcolor=white:box=1"
                + ":boxcolor=black@0.6:x=8:y=h-th-8:text='" + c.lessonId() + "  media %{pts\\:hms}  wall %{localtime}',")
                .orElse("");
        StringBuilder graph = new StringBuilder("[0:v]" + text + "split=" + renditions.size());
        for (int i = 0; i < renditions.size(); i++) {
            graph.append("[s").append(i).append("]");
        }
        for (int i = 0; i < renditions.size(); i++) {
            graph.append(";[s").append(i).append("]scale=").append(renditions.get(i).width()).append(":")
                    .append(renditions.get(i).height()).append("[v").append(i).append("]");
        }
        return graph.toString();
    }

    private static String streamMap(List<Rendition> renditions) {
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < renditions.size(); i++) {
            variants.add("v:" + i + ",a:" + i + ",name:" + renditions.get(i).name());
        }
        return String.join(" ", variants);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
