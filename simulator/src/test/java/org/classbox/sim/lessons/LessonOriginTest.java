package org.classbox.sim.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.classbox.settings.ConfigException;
import org.classbox.sim.link.LinkProfile;
import org.classbox.sim.link.LinkSimulator;
import org.classbox.sim.link.OutagePlan;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class LessonOriginTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Vertx vertx;
    private LessonOrigin origin;

    @BeforeEach
    void start_vertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop_everything() throws Exception {
        if (origin != null) {
            origin.stop().await(20, TimeUnit.SECONDS);
        }
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    @Test
    void origin_serves_a_live_multivariant_stream_that_ffprobe_reads() throws Exception {
        givenOrigin(LessonOriginConfig.of("eng-5a", dir).withLength(2, 1, 4));
        Await.until(WAIT, "three segments of each rendition", () -> segments(get("/live/eng-5a/180p/index.m3u8"))
                .size() >= 3 && segments(get("/live/eng-5a/360p/index.m3u8")).size() >= 3);

        List<String> streams = ffprobe(origin.masterUri());

        assertTrue(streams.contains("h264,video,640,360"), "no 640x360 H.264 rendition in " + streams);
        assertTrue(streams.contains("h264,video,320,180"), "no 320x180 H.264 rendition in " + streams);
        assertTrue(streams.contains("aac,audio"), "no AAC audio in " + streams);
        String master = get("/live/eng-5a/master.m3u8");
        assertTrue(master.contains("RESOLUTION=640x360") && master.contains("RESOLUTION=320x180"), master);
        assertEquals(LessonFiles.PLAYLIST_TYPE, contentType("/live/eng-5a/master.m3u8"));
        assertEquals(LessonFiles.SEGMENT_TYPE, contentType("/live/eng-5a/360p/seg-00000.ts"));
        assertEquals(404, status("/live/eng-5a/360p/seg-99999.ts"));
        assertEquals(404, status("/live/eng-5a/360p/index.m3u8.tmp"));
        assertEquals(404, status("/live/eng-5a/../ffmpeg-eng-5a.log"));
        assertEquals(404, status("/live/other/master.m3u8"));
        byte[] jpeg = bytes(origin.snapshotUri());
        assertTrue(jpeg.length > 1000 && (jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8,
                "snapshot is not a JPEG: " + jpeg.length + " bytes");
    }

    @Test
    void playlist_grows_live_and_ends_with_endlist() throws Exception {
        // 12 one-second segments at 3x real time: about 4 s of wall time.
        givenOrigin(LessonOriginConfig.of("grow", dir).withLength(0.2, 1, 3));
        List<Integer> seen = new ArrayList<>();
        String[] last = new String[1];

        Await.until(WAIT, "the playlist to end", () -> {
            last[0] = get("/live/grow/180p/index.m3u8");
            seen.add(segments(last[0]).size());
            return last[0].contains("#EXT-X-ENDLIST");
        });

        List<String> all = segments(last[0]);
        assertTrue(seen.get(0) < all.size(), "the playlist did not grow while live: " + seen);
        assertTrue(last[0].contains("#EXT-X-PLAYLIST-TYPE:EVENT"), last[0]);
        assertEquals(12, all.size(), last[0]);
        assertEquals("seg-00000.ts", all.get(0), "a segment was deleted");
        for (String segment : all) {
            assertEquals(200, status("/live/grow/180p/" + segment));
        }
        origin.ended().await(10, TimeUnit.SECONDS);
    }

    @Test
    void a_box_reads_the_origin_through_the_link_simulator_and_not_while_it_is_down() throws Exception {
        givenOrigin(LessonOriginConfig.of("via-link", dir).withLength(1, 1, 2));
        LinkSimulator link = new LinkSimulator(vertx, new LinkProfile("test", 0, 4_000_000, 50, 0,
                OutagePlan.none(), 1.0), 0, "127.0.0.1", origin.port());
        link.start().await(10, TimeUnit.SECONDS);
        try {
            URI viaLink = URI.create("http://127.0.0.1:" + link.port() + "/live/via-link/360p/seg-00000.ts");
            Await.until(WAIT, "the first segment", () -> status("/live/via-link/360p/seg-00000.ts") == 200);

            assertEquals(new String(bytes(URI.create("http://127.0.0.1:" + origin.port() + viaLink.getPath())),
                    StandardCharsets.ISO_8859_1), new String(bytes(viaLink), StandardCharsets.ISO_8859_1));
            link.goDown().await(10, TimeUnit.SECONDS);
            assertThrows(IOException.class, () -> bytes(viaLink));
            link.comeUp().await(10, TimeUnit.SECONDS);
            assertTrue(bytes(viaLink).length > 10_000);
        } finally {
            link.stop().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void stop_leaves_no_ffmpeg_behind() throws Exception {
        givenOrigin(LessonOriginConfig.of("long", dir).withLength(30, 2, 1));
        long pid = origin.encoderPid();
        int port = origin.port();
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "ffmpeg is not running");

        origin.stop().await(20, TimeUnit.SECONDS);

        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "ffmpeg survived stop");
        String lessonDir = dir.toAbsolutePath().toString();
        assertEquals(List.of(), ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(lessonDir)).orElse(false))
                .map(ProcessHandle::pid).toList(), "processes still writing the lesson");
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        assertTrue(origin.ended().failed(), "a stopped lesson counted as ended");
    }

    @Test
    void a_missing_ffmpeg_fails_start_saying_how_to_install_it() {
        origin = new LessonOrigin(vertx, LessonOriginConfig.of("x", dir).withFfmpeg("no-such-ffmpeg-here"));

        ExecutionException e = assertThrows(ExecutionException.class,
                () -> origin.start().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS));

        assertTrue(e.getCause().getMessage().contains("apt-get install ffmpeg"), e.getCause().getMessage());
    }

    @Test
    void rejects_bad_arguments_naming_the_key() {
        ConfigException rate = assertThrows(ConfigException.class,
                () -> LessonOriginConfig.of("x", dir).withLength(10, 2, 0));
        assertEquals("rate", rate.key());
        ConfigException lesson = assertThrows(ConfigException.class, () -> LessonOriginConfig.of("../etc", dir));
        assertEquals("lesson must be 1-48 letters, digits, '.', '_' or '-', but was '../etc'", lesson.getMessage());
        ConfigException renditions = assertThrows(ConfigException.class,
                () -> Rendition.parseList("renditions", "640x360@800k,hd"));
        assertEquals("renditions must be a comma-separated list of WIDTHxHEIGHT@KBPSk such as"
                + " 640x360@800k,320x180@250k, but was '640x360@800k,hd'", renditions.getMessage());
        assertThrows(ConfigException.class, () -> Rendition.parseList("renditions", "641x360@800k"));
    }

    private void givenOrigin(LessonOriginConfig config) throws Exception {
        origin = new LessonOrigin(vertx, config);
        origin.start().await(30, TimeUnit.SECONDS);
    }

    private static List<String> segments(String playlist) {
        return playlist.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    private static List<String> ffprobe(URI uri) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries",
                "stream=codec_name,codec_type,width,height", "-of", "csv=p=0", uri.toString())
                .redirectErrorStream(true).start();
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "ffprobe did not finish");
            assertEquals(0, process.exitValue(), "ffprobe failed: " + text);
            return text.lines().map(String::strip).map(line -> line.replaceAll(",+$", "")).toList();
        } finally {
            process.destroyForcibly();
        }
    }

    private String get(String path) {
        try {
            return new String(bytes(URI.create("http://127.0.0.1:" + origin.port() + path)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private int status(String path) {
        try {
            HttpURLConnection connection = open(path);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private String contentType(String path) throws IOException {
        HttpURLConnection connection = open(path);
        try {
            assertEquals(200, connection.getResponseCode(), path);
            return connection.getContentType();
        } finally {
            connection.disconnect();
        }
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + origin.port() + path)
                .toURL().openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(10_000);
        return connection;
    }

    private static byte[] bytes(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(10_000);
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        } finally {
            connection.disconnect();
        }
    }
}
