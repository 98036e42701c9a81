package org.classbox.sim.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import org.classbox.settings.ConfigException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class DemoLessonsTest {
    private static final URI SOURCE = URI.create("http://127.0.0.1:8090/live/demo-english-5a/master.m3u8");

    @Test
    void schedules_one_lesson_starting_soon_after_the_demo_from_the_origin() {
        JsonObject schedule = DemoLessons.schedule(3, Instant.parse("2026-11-28T02:00:05.700Z"),
                DemoLessons.Setup.of(8090, 40, 30), SOURCE);

        assertEquals(3, schedule.getLong("version"));
        assertEquals(1, schedule.getJsonArray("lessons").size());
        JsonObject lesson = schedule.getJsonArray("lessons").getJsonObject(0);
        assertEquals("demo-english-5a-1795831205", lesson.getString("id"), "one id per run of the demo");
        assertTrue(lesson.getString("id").matches("[A-Za-z0-9._-]{1,48}"), lesson.getString("id"));
        assertEquals("2026-11-28T02:00:45Z", lesson.getString("start"));
        assertEquals("2026-11-28T02:30:45Z", lesson.getString("end"));
        assertEquals(SOURCE.toString(), lesson.getString("source"));
        assertEquals("broadcast", lesson.getString("mode"));
        assertEquals(new JsonObject().put("targetSeconds", 30).put("capSeconds", 120), lesson.getJsonObject("delay"));
        assertEquals(new JsonObject().put("projectorInput", "31").put("camera", true), lesson.getJsonObject("room"));
        assertTrue(lesson.getJsonArray("materials").isEmpty());
    }

    @Test
    void an_interactive_lesson_names_its_mode() {
        JsonObject schedule = DemoLessons.schedule(1, Instant.parse("2026-11-28T02:00:00Z"),
                new DemoLessons.Setup(0, 20, 10, "interactive", 16), SOURCE);
        JsonObject lesson = schedule.getJsonArray("lessons").getJsonObject(0);
        assertEquals("interactive", lesson.getString("mode"));
        assertEquals(16, lesson.getJsonObject("delay").getInteger("targetSeconds"));
    }

    @Test
    void the_origin_runs_from_the_demo_start_to_the_lesson_end() {
        assertEquals(30.5, DemoLessons.Setup.of(0, 30, 30).originMinutes());
        ConfigException e = assertThrows(ConfigException.class, () -> DemoLessons.Setup.of(8090, 40, -1));
        assertEquals("lesson.minutes", e.key());
        e = assertThrows(ConfigException.class, () -> new DemoLessons.Setup(8090, 40, 30, "lecture", 30));
        assertEquals("lesson.mode", e.key());
        assertTrue(e.getMessage().contains("'lecture'"), e.getMessage());
    }
}
