package org.classbox.sim.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.classbox.agent.EdgeAgent;
import org.classbox.agent.config.AgentConfig;
import org.classbox.agent.lessons.buffer.BufferStatus;
import org.classbox.agent.lessons.hls.MediaPlaylist;
import org.classbox.agent.lessons.hls.PlaylistParser;
import org.classbox.agent.lessons.hls.Segment;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.console.FleetConsole;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.settings.Settings;
import org.classbox.sim.demo.ConsoleApi;
import org.classbox.sim.link.LinkProfile;
import org.classbox.sim.link.LinkSimulator;
import org.classbox.sim.link.OutagePlan;
import org.classbox.sim.link.OutageTraces;
import org.classbox.sim.projector.ProjectorSimConfig;
import org.classbox.sim.projector.ProjectorSimulator;
import org.classbox.sparkplug.lessons.LessonMetrics;
import org.classbox.testing.Await;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's end-to-end check: a 10-minute lesson from the real origin (ffmpeg) through a link simulator playing the
 * built-in {@code rain-fade-10min} trace (outages of 5-15 s, 5 % of the time) to a whole agent ({@link EdgeAgent}, in
 * this JVM) that got its schedule the real way (console API, broker, uplink). One rate compresses everything: the
 * origin's {@code rate}, the agent's {@code lessons.clockRate}, the link's time scale, bandwidth and delay. Times are
 * wall milliseconds of {@link System#currentTimeMillis()}; media seconds are {@link #RATE} times as long.
 */
@ExtendWith(TestGuard.class)
class LessonThroughOutagesTest {
    private static final double RATE = 6;
    private static final int MINUTES = 10;
    private static final double SEGMENT_MILLIS = 1000 / RATE;
    private static final String GROUP = "school-7";
    private static final String BOX = "box-e2e";
    private static final String LESSON = "eng-5a-rain";
    /** The agent's longest wait before asking the origin again after a failure: 2 s of media, as on a box. */
    private static final int RECONNECT_MAX_MILLIS = (int) (2_000 / RATE);
    /**
     * A gap is one the link could not carry if its fetch window overlaps a down spell stretched by this: the box
     * learns that the link is back at its next try (at most one backoff later), and a download then takes a round
     * trip and the transfer (under a segment's duration here).
     */
    private static final long LEARN_MILLIS = RECONNECT_MAX_MILLIS + (long) SEGMENT_MILLIS;
    /** The longest the local playlist may stand still: three segments (see the test), as the watch can see it. */
    private static final long PAUSE_BOUND_MILLIS = (long) (3 * SEGMENT_MILLIS);
    /**
     * From the lesson's end to a complete recording: the box asks the origin once more for the whole lesson (a round
     * trip) and fetches what is still missing; the last outage ended 190 s of media before the end, long repaired by
     * then. Measured 2.5 s here; the rest is room for a busy machine.
     */
    private static final Duration COMPLETION_BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private EmbeddedBroker broker;
    private FleetConsole console;
    private ProjectorSimulator projector;
    private LessonOrigin origin;
    private LinkSimulator link;
    private EdgeAgent agent;
    /** The box's classroom server, read as the console's API is. */
    private ConsoleApi box;
    private ConsoleClient operator;
    /** How to stop what was started, the last first. */
    private final Deque<Supplier<Future<Void>>> started =
            new ArrayDeque<>();
    /** Link state changes: [wall millis, 1 up / 0 down]. */
    private final List<long[]> changes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop_everything() throws Exception {
        while (!started.isEmpty()) {
            started.pop().get().await(30, TimeUnit.SECONDS);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void a_lesson_plays_through_rain_fades_and_its_recording_is_complete_after() throws Exception {
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dir.resolve("broker")));
        broker.start().await(30, TimeUnit.SECONDS);
        started.push(broker::stop);
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", broker.uri(),
                "mqtt.allowPlaintext", "true", "http.port", "0", "store.dataDir", dir.resolve("console").toString(),
                "auth.adminPassword", "admin password of the test"))));
        console.start().await(30, TimeUnit.SECONDS);
        operator = new ConsoleClient(console.httpPort()).login("admin", "admin password of the test");
        started.push(console::stop);
        projector = new ProjectorSimulator(vertx, new ProjectorSimConfig(0, null, 200, 100, 10, 3_600_000));
        projector.start().await(10, TimeUnit.SECONDS);
        started.push(projector::stop);
        startAgent();
        Await.until(Duration.ofSeconds(30), "the box online", agent::isOnline);

        // Small renditions at 10 fps keep ffmpeg ahead of its rate on a busy 2-core machine: a lagging origin
        // would make the box list segments that do not exist yet as gaps.
        origin = new LessonOrigin(vertx, new LessonOriginConfig("127.0.0.1", 0, LESSON, MINUTES, 1, RATE, 10,
                Rendition.parseList("renditions", "320x180@300k,160x90@100k"), dir.resolve("origin"), "ffmpeg"));
        started.push(origin::stop);
        origin.start().await(30, TimeUnit.SECONDS);
        long originStart = System.currentTimeMillis();
        OutagePlan.Trace trace = OutageTraces.builtIn("rain-fade-10min");
        // A GEO link (300 ms one way, 2 Mbit/s down) with its time compressed by RATE: bandwidth times RATE, delay
        // divided by it, the trace played RATE times as fast.
        link = new LinkSimulator(vertx, new LinkProfile("geo-rain", (long) (512_000 * RATE),
                (long) (2_000_000 * RATE), (int) (300 / RATE), 0, trace, RATE), 0, "127.0.0.1", origin.port());
        link.onStateChange(up -> changes.add(new long[] {System.currentTimeMillis(), up ? 1 : 0}));
        link.start().await(10, TimeUnit.SECONDS);
        started.push(link::stop);
        long linkStart = System.currentTimeMillis();

        long lessonWallMillis = (long) (MINUTES * 60_000 / RATE);
        Instant start = Instant.ofEpochMilli(System.currentTimeMillis());
        // The lesson ends a little after the origin does: the box then takes the origin's whole playlist as the lesson.
        Instant end = Instant.ofEpochMilli(originStart + lessonWallMillis + 1_000);
        putSchedule(start, end, URI.create("http://127.0.0.1:" + link.port() + "/live/" + LESSON + "/master.m3u8"));

        Watch watch = new Watch();
        Await.until(Duration.ofSeconds(20), "the lesson's live playlist at the box", () -> watch.poll() != null);
        try {
            Await.until(Duration.ofMillis(lessonWallMillis + 60_000), "the live playlist to end",
                    () -> watch.poll() != null && watch.last.ended());
        } catch (AssertionError e) {
            // Say where the box stands, so a failure here can be told apart from a slow machine.
            throw new AssertionError(e.getMessage() + "; box: " + agent.lessons().buffers().status(LESSON)
                    + "; last listed: " + (watch.last == null ? "nothing" : watch.last.nextSequence() - 1)
                    + "; origin files: " + originFiles(), e);
        }
        long endedAt = System.currentTimeMillis();

        // 1. The local playlist never stops advancing, outages included.
        long worstPause = watch.worstPause();
        List<long[]> spells = downSpells(linkStart);
        System.out.printf("e2e: link down spells (wall ms after the link started): %s%n", format(spells, linkStart));
        System.out.printf("e2e: worst pause of the local playlist %d ms wall = %.1f s media, from %d ms (reads at"
                + " most %d ms apart)%n", worstPause, worstPause * RATE / 1000, watch.worstAt - linkStart,
                watch.worstPollInterval);
        assertEquals(trace.spells().stream().filter(s -> !s.up()).count(), spells.size(),
                "every outage of the trace happened during the lesson: " + format(spells, linkStart));

        // 2. Every gap is one the link could not carry in time.
        Map<Long, Long> appeared = originAppearances();
        List<String> unjustified = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        Map<Long, Long> upInWindow = new TreeMap<>();
        watch.gapsListedAt.forEach((seq, listedAt) -> {
            Long at = appeared.get(seq);
            gaps.add("s" + seq + " [" + (at == null ? "?" : at - linkStart) + ", " + (listedAt - linkStart) + "]");
            boolean overlaps = spells.stream().anyMatch(s -> (at == null || at < s[1] + LEARN_MILLIS)
                    && listedAt > s[0]);
            if (!overlaps) {
                unjustified.add(gaps.get(gaps.size() - 1));
            }
            if (at != null) {
                long up = listedAt - at - spells.stream().mapToLong(sp -> Math.max(0, Math.min(listedAt, sp[1])
                        - Math.max(at, sp[0]))).sum();
                upInWindow.put(seq, up);
            }
        });
        System.out.printf("e2e: %d gaps [appeared at the origin, listed as a gap] (wall ms after the link started):"
                + " %s%n", gaps.size(), gaps);
        System.out.printf("e2e: wall ms the link was up in each gap's window: %s%n", upInWindow);
        // A player starts three target durations from the end of a live playlist (RFC 8216, 6.3.3): a list that
        // advances within every three segments' time never leaves it without a segment to load. Compressed time
        // multiplies the machine's scheduling hiccups by RATE, so two would fail on a busy CI machine.
        assertTrue(worstPause <= PAUSE_BOUND_MILLIS + watch.worstPollInterval, "the local playlist stopped advancing for " + worstPause
                + " ms wall, from " + (watch.worstAt - linkStart) + " ms after the link started");
        assertFalse(gaps.isEmpty(), "a 10 s outage at a 3 s delay leaves gaps");
        assertTrue(unjustified.isEmpty(), "gaps marked while the link was up (but for a backoff and a fetch) all their fetch window: " + unjustified);

        // 3. The recording completes soon after the end: every segment the origin listed, none a gap.
        BufferStatus complete = Await.value(Duration.ofMillis(end.toEpochMilli() - endedAt).plus(COMPLETION_BOUND),
                "the recording complete", () -> {
                    BufferStatus s = agent.lessons().buffers().status(LESSON);
                    return s != null && s.recordingComplete() ? s : null;
                });
        long completeAfter = System.currentTimeMillis() - end.toEpochMilli();
        System.out.printf("e2e: recording complete %d ms wall after the lesson's end; %s%n", completeAfter, complete);
        MediaPlaylist vod = PlaylistParser.media(get("/vod.m3u8"), "vod");
        assertTrue(vod.ended(), "the VOD playlist ends");
        assertTrue(vod.segments().stream().noneMatch(Segment::gap), "the VOD still has gaps");
        List<Long> originSeqs = appeared.keySet().stream().sorted().toList();
        assertEquals(originSeqs, vod.segments().stream().map(s -> seqOf(s.uri())).toList(),
                "the VOD lists every segment the origin listed, in order");
        assertSegmentsAreTheOrigins(vod);

        // 4. A real player reads the live playlist taken mid-outage and the VOD.
        assertNotNull(watch.midOutage, "no live playlist was taken during an outage with a gap in it");
        Path snapshot = dir.resolve("mid-outage.m3u8");
        Files.writeString(snapshot, absolute(watch.midOutage) + "#EXT-X-ENDLIST\n");
        Players.probe("-protocol_whitelist", "file,http,tcp", snapshot.toString());
        Players.decode("-protocol_whitelist", "file,http,tcp", "-i", snapshot.toString());
        double duration = Double.parseDouble(Players.probe("-show_entries", "format=duration", "-of", "csv=p=0",
                boxUri("/vod.m3u8")).strip());
        assertEquals(MINUTES * 60, duration, 1.0, "the VOD's duration is the lesson's");

        // 5. The console has the lesson's figures.
        JsonObject figures = Await.value(Duration.ofSeconds(20), "the lesson's final figures at the console", () -> {
            JsonArray all = new JsonArray(console("/lessons"));
            for (int i = 0; i < all.size(); i++) {
                JsonObject f = all.getJsonObject(i).getJsonObject("figures");
                if (LESSON.equals(all.getJsonObject(i).getString("lessonId"))
                        && "true".equals(f.getString(LessonMetrics.RECORDING_COMPLETE))) {
                    return f;
                }
            }
            return null;
        });
        System.out.printf("e2e: console figures %s%n", figures);
        assertTrue(Double.parseDouble(figures.getString(LessonMetrics.GAP_SECONDS)) > 0, "gap seconds: " + figures);
        assertEquals(complete.gapSeconds(), Double.parseDouble(figures.getString(LessonMetrics.GAP_SECONDS)), 0.1);
    }

    /** Polls the box's live playlist as a player would, recording what it lists and when. */
    /** How many segments the origin's ffmpeg has written per rendition, and whether its playlists ended. */
    private String originFiles() {
        try (var dirs = java.nio.file.Files.walk(dir.resolve("origin"))) {
            return dirs.filter(p -> p.toString().endsWith(".m3u8")).map(p -> {
                try {
                    String text = java.nio.file.Files.readString(p);
                    return p.getParent().getFileName() + "/" + p.getFileName() + ": "
                            + text.lines().filter(l -> l.startsWith("#EXTINF")).count() + " segments"
                            + (text.contains("#EXT-X-ENDLIST") ? ", ended" : "");
                } catch (java.io.IOException e) {
                    return p + ": " + e.getMessage();
                }
            }).toList().toString();
        } catch (java.io.IOException e) {
            return e.getMessage();
        }
    }

    private final class Watch {
        long lastPoll;
        /** The longest time between two reads: a pause is seen up to this much longer than it was. */
        long worstPollInterval;
        MediaPlaylist last;
        long lastSeq = -1;
        long lastAdvance;
        long worstPause;
        long worstAt;
        String midOutage;
        final Map<Long, Long> gapsListedAt = new TreeMap<>();

        /** Reads the playlist once; null before the box lists anything. */
        MediaPlaylist poll() {
            String text = box.get("/live.m3u8");
            if (text == null) {
                return null;
            }
            long now = System.currentTimeMillis();
            worstPollInterval = Math.max(worstPollInterval, lastPoll == 0 ? 0 : now - lastPoll);
            lastPoll = now;
            MediaPlaylist playlist = PlaylistParser.media(text, "live");
            if (playlist.segments().isEmpty()) {
                return null;
            }
            long seq = playlist.nextSequence() - 1;
            if (seq > lastSeq) {
                if (lastSeq >= 0 && now - lastAdvance > worstPause) {
                    worstPause = now - lastAdvance;
                    worstAt = lastAdvance;
                }
                lastSeq = seq;
                lastAdvance = now;
            }
            boolean gap = false;
            for (Segment s : playlist.segments()) {
                if (s.gap()) {
                    gapsListedAt.putIfAbsent(seqOf(s.uri()), now);
                    gap = true;
                }
            }
            if (gap && !link.isUp()) {
                midOutage = text;
            }
            last = playlist;
            return playlist;
        }

        long worstPause() {
            return worstPause;
        }
    }

    private void startAgent() throws Exception {
        AgentConfig config = AgentConfig.from(Settings.of(Map.ofEntries(
                Map.entry("identity.groupId", GROUP), Map.entry("identity.boxId", BOX),
                Map.entry("uplink.brokerUri", broker.uri()), Map.entry("tls.allowPlaintext", "true"),
                Map.entry("uplink.reconnectMinMillis", "50"), Map.entry("uplink.reconnectMaxMillis", "500"),
                Map.entry("journal.dataDir", dir.resolve("agent").toString()),
                Map.entry("devices.projector.port", String.valueOf(projector.port())),
                Map.entry("devices.projector.pollMillis", "1000"),
                Map.entry("classroom.port", "0"),
                Map.entry("schedule.prepareMinutes", "0"), Map.entry("schedule.retrySeconds", "1"),
                Map.entry("schedule.figuresSeconds", "1"),
                Map.entry("lessons.clockRate", String.valueOf(RATE)),
                Map.entry("lessons.reconnectMinMillis", String.valueOf((int) (500 / RATE))),
                Map.entry("lessons.reconnectMaxMillis", String.valueOf(RECONNECT_MAX_MILLIS)),
                Map.entry("lessons.requestTimeoutMillis", String.valueOf((int) (10_000 / RATE))))));
        agent = new EdgeAgent(vertx, config);
        started.push(agent::stop);
        agent.start().await(30, TimeUnit.SECONDS);
        box = new ConsoleApi("http://127.0.0.1:" + agent.classroom().port() + "/lessons/" + LESSON);
    }

    private void putSchedule(Instant start, Instant end, URI source) throws Exception {
        JsonObject lesson = new JsonObject().put("id", LESSON).put("title", "English 5A through rain")
                .put("start", start.toString()).put("end", end.toString()).put("source", source.toString())
                .put("mode", "interactive").put("room", new JsonObject().put("projectorInput", "31"));
        String body = new JsonObject().put("version", 1).put("lessons", new JsonArray().add(lesson)).encode();
        ConsoleClient.Response put = operator.send("PUT", consolePath("/schedule"), body);
        assertEquals(202, put.status(), put.body());
    }

    /** Down spells as [went down, came up], wall millis; a spell still open ends now. */
    private List<long[]> downSpells(long linkStart) {
        List<long[]> spells = new ArrayList<>();
        long downAt = -1;
        for (long[] change : changes) {
            if (change[1] == 0) {
                downAt = change[0];
            } else if (downAt >= 0) {
                spells.add(new long[] {downAt, change[0]});
                downAt = -1;
            }
        }
        if (downAt >= 0) {
            spells.add(new long[] {downAt, System.currentTimeMillis()});
        }
        return spells;
    }

    private static String format(List<long[]> spells, long zero) {
        return spells.stream().map(s -> "[" + (s[0] - zero) + ", " + (s[1] - zero) + "]").toList().toString();
    }

    /**
     * When each segment appeared at the origin: ffmpeg writes a segment to a temporary file and renames it when
     * whole, so its modification time is when it was complete; the later of the renditions.
     */
    private Map<Long, Long> originAppearances() throws Exception {
        Map<Long, Long> appeared = new TreeMap<>();
        for (Rendition r : origin.config().renditions()) {
            Path folder = origin.config().lessonDir().resolve(r.name());
            MediaPlaylist listed = PlaylistParser.media(Files.readString(folder.resolve("index.m3u8")), folder.toString());
            assertTrue(listed.ended(), "the origin ended its " + r.name() + " playlist");
            for (Segment s : listed.segments()) {
                long at = Files.getLastModifiedTime(folder.resolve(s.uri())).toMillis();
                appeared.merge(s.sequence(), at, Math::max);
            }
        }
        return appeared;
    }

    /** Every VOD segment the box serves is byte for byte the origin's segment of one of its renditions. */
    private void assertSegmentsAreTheOrigins(MediaPlaylist vod) throws Exception {
        List<Path> folders = origin.config().renditions().stream()
                .map(r -> origin.config().lessonDir().resolve(r.name())).toList();
        for (Segment s : vod.segments()) {
            byte[] served = http.send(HttpRequest.newBuilder(URI.create(boxUri("/" + s.uri()))).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            long seq = seqOf(s.uri());
            boolean same = false;
            for (Path folder : folders) {
                byte[] original = Files.readAllBytes(folder.resolve(String.format("seg-%05d.ts", seq)));
                same |= Arrays.equals(original, served);
            }
            assertTrue(same, s.uri() + " is not the origin's segment " + seq);
        }
    }

    /** The box names a segment {@code s<origin sequence>.ts}. */
    private static long seqOf(String uri) {
        return Long.parseLong(uri.substring(uri.lastIndexOf('/') + 2, uri.length() - 3));
    }

    /** The playlist with its relative segment URIs made absolute on the box's server. */
    private String absolute(String playlist) {
        StringBuilder out = new StringBuilder();
        for (String line : playlist.split("\n")) {
            out.append(line.isBlank() || line.startsWith("#") ? line : boxUri("/" + line.strip())).append('\n');
        }
        return out.toString();
    }

    private String boxUri(String path) {
        return "http://127.0.0.1:" + agent.classroom().port() + "/lessons/" + LESSON + path;
    }

    private static String consolePath(String path) {
        return "/api/v1/boxes/" + GROUP + "/" + BOX + path;
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(boxUri(path))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    private String console(String path) {
        return operator.get(consolePath(path)).body();
    }

    /** Debian's ffprobe and ffmpeg, which must end with exit 0 and nothing on stderr at {@code -v error}. */
    private static final class Players {
        static String probe(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error"));
            command.addAll(List.of(args));
            return run(command);
        }

        static void decode(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin"));
            command.addAll(List.of(args));
            command.addAll(List.of("-f", "null", "-"));
            run(command);
        }

        private static String run(List<String> command) throws Exception {
            Process p = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return p.getErrorStream().readAllBytes();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not end");
            String stderr = new String(err.get(10, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + stderr);
            assertEquals("", stderr.strip(), String.join(" ", command));
            return out;
        }
    }
}
