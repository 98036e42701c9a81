package org.classbox.agent.classroom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.classbox.agent.config.ClassroomConfig;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.ClassroomMetrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The classroom server on loopback with a real journal: the page, hls.js, the playlists and the local API. */
@ExtendWith(TestGuard.class)
class ClassroomServerTest {
    @TempDir
    Path dir;
    private ClassroomRig rig;

    @AfterEach
    void close() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    private ClassroomRig started() throws Exception {
        return new ClassroomRig(dir, new ClassroomConfig("127.0.0.1", 0, "", 30, 60, false, dir.resolve("classroom")),
                null);
    }

    @Test
    void classroom_page_and_hls_js_are_served_locally() throws Exception {
        rig = new ClassroomRig(dir, new ClassroomConfig("127.0.0.1", 0, "", 30, 60, false, dir.resolve("classroom")),
                vertx -> FfmpegHlsMediaRouter.create(vertx, dir.resolve("hls")));
        HttpResponse<String> page = rig.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"/hls.min.js\">"), page.body());
        assertTrue(!page.body().contains("http://") && !page.body().contains("https://"),
                "the page loads nothing from another host");
        HttpResponse<byte[]> hls = rig.getBytes("/hls.min.js");
        assertEquals(200, hls.statusCode());
        assertArrayEquals(webJar(), hls.body(), "hls.js is the WebJar's, byte for byte");
        assertTrue(rig.get("/classroom.js").body().contains("fragGap"));
        assertEquals(200, rig.get("/classroom.css").statusCode());

        HttpResponse<String> lessons = rig.get("/api/v1/lessons");
        JsonObject lesson = new JsonArray(lessons.body()).getJsonObject(0);
        assertEquals(ClassroomRig.LESSON, lesson.getString("id"));
        assertEquals("live", lesson.getString("state"));
        HttpResponse<String> playlist = rig.get(lesson.getString("live"));
        assertEquals(200, playlist.statusCode());
        assertTrue(playlist.body().startsWith("#EXTM3U"), playlist.body());
        String segment = playlist.body().lines().filter(l -> l.endsWith(".ts")).findFirst().orElseThrow();
        HttpResponse<byte[]> ts = rig.getBytes("/lessons/" + ClassroomRig.LESSON + "/" + segment);
        assertEquals(200, ts.statusCode());
        assertEquals(0x47, ts.body()[0], "an MPEG-TS packet starts with its sync byte");

        JsonObject status = new JsonObject(rig.get("/api/v1/status").body());
        assertEquals("online", status.getString("link"));
        assertEquals(12.5, status.getDouble("secondsBuffered"));
        assertEquals(31.0, status.getDouble("delaySeconds"));
        assertEquals(ClassroomRig.LESSON, status.getJsonObject("lesson").getString("id"));
        assertEquals(404, rig.get("/lessons/" + ClassroomRig.LESSON + "/nothing.ts").statusCode());
    }

    @Test
    void bad_event_gets_400_naming_the_field_and_stores_nothing() throws Exception {
        rig = started();
        String lesson = ClassroomRig.LESSON;
        assertRejected(400, "mediaTime", "{\"lessonId\":\"" + lesson + "\",\"kind\":\"answer\",\"text\":\"B\"}");
        assertRejected(400, "mediaTime", "{\"lessonId\":\"" + lesson + "\",\"kind\":\"answer\",\"text\":\"B\","
                + "\"mediaTime\":-1}");
        assertRejected(400, "kind", "{\"lessonId\":\"" + lesson + "\",\"kind\":\"shout\",\"mediaTime\":3}");
        assertRejected(400, "lessonId", "{\"lessonId\":\"../etc\",\"kind\":\"help\",\"mediaTime\":3}");
        assertRejected(400, "lessonId", "{\"lessonId\":\"other-lesson\",\"kind\":\"help\",\"mediaTime\":3}");
        assertRejected(400, "text", "{\"lessonId\":\"" + lesson + "\",\"kind\":\"question\",\"mediaTime\":3}");
        assertRejected(400, "count", "{\"lessonId\":\"" + lesson + "\",\"kind\":\"attendance\",\"mediaTime\":3,"
                + "\"count\":\"many\"}");
        assertRejected(400, "seat", "{\"lessonId\":\"" + lesson + "\",\"kind\":\"help\",\"mediaTime\":3,"
                + "\"seat\":4}");
        assertRejected(400, "body", "[1, 2]");
        assertRejected(400, "body", "{\"lessonId\":");
        assertRejected(413, "limit", "{\"lessonId\":\"" + lesson + "\",\"kind\":\"answer\",\"mediaTime\":3,"
                + "\"text\":\"" + "x".repeat(20_000) + "\"}");
        assertEquals(List.of(), rig.records(), "nothing was journaled");

        HttpResponse<String> good = rig.post("/api/v1/events", "{\"lessonId\":\"" + lesson + "\",\"kind\":\"answer\","
                + "\"text\":\"B\",\"mediaTime\":61.5}");
        assertEquals(202, good.statusCode(), good.body());
        List<JournalRecord> records = rig.records();
        assertEquals(1, records.size());
        assertEquals(new JsonObject(good.body()).getLong("recordId"), records.get(0).id());
        assertEquals(RecordClass.EVENT, records.get(0).entry().recordClass());
        assertEquals(ClassroomMetrics.lessonDevice(lesson), records.get(0).entry().stream());
        Payload payload = PayloadCodec.decode(records.get(0).entry().body());
        assertEquals("answer", payload.metric(ClassroomMetrics.EVENT_KIND).orElseThrow().value());
        assertEquals(61.5, payload.metric(ClassroomMetrics.EVENT_MEDIA_TIME).orElseThrow().value());
        assertEquals("B", payload.metric(ClassroomMetrics.EVENT_TEXT).orElseThrow().value());
    }

    @Test
    void player_reports_add_up_per_lesson_and_bad_ones_are_refused() throws Exception {
        rig = started();
        String lesson = ClassroomRig.LESSON;
        assertEquals(204, rig.post("/api/v1/player", "{\"lessonId\":\"" + lesson + "\",\"playedSeconds\":5,"
                + "\"stalledSeconds\":0.5}").statusCode());
        assertEquals(204, rig.post("/api/v1/player", "{\"lessonId\":\"" + lesson + "\",\"playedSeconds\":4.5,"
                + "\"error\":\"networkError:fragLoadError\"}").statusCode());
        HttpResponse<String> bad = rig.post("/api/v1/player", "{\"lessonId\":\"" + lesson + "\","
                + "\"stalledSeconds\":-3}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("stalledSeconds"), bad.body());

        HttpResponse<String> unknown = rig.post("/api/v1/player", "{\"lessonId\":\"not-ours\",\"playedSeconds\":5}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("lessonId"), unknown.body());

        PlayerReports.Figures figures = rig.reports.of(lesson);
        assertEquals(9.5, figures.secondsPlayed());
        assertEquals(0.5, figures.secondsStalled());
        assertEquals(1, figures.errors());
        assertEquals("networkError:fragLoadError", figures.lastError());
    }

    private void assertRejected(int status, String field, String body) throws Exception {
        HttpResponse<String> response = rig.post("/api/v1/events", body);
        assertEquals(status, response.statusCode(), response.body());
        String error = new JsonObject(response.body()).getString("error");
        assertTrue(error.contains(field), "'" + error + "' names " + field);
    }

    private static byte[] webJar() throws Exception {
        try (InputStream in = ClassroomServerTest.class.getClassLoader().getResourceAsStream(StaticAssets.HLS_JS)) {
            return in.readAllBytes();
        }
    }
}
