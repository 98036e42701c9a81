package org.classbox.sparkplug.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class ScheduleCodecTest {
    /** The example of docs/protocol.md, field by field. */
    private static final String FIXTURE = """
            {"version": 12,
             "lessons": [
              {"id": "eng-5a-1128",
               "title": "English 5A",
               "start": "2026-11-28T02:00:00Z",
               "end": "2026-11-28T02:45:00Z",
               "source": "http://origin.example/live/eng/master.m3u8",
               "mode": "interactive",
               "delay": {"targetSeconds": 30, "capSeconds": 120},
               "materials": [{"name": "slides.pdf", "url": "https://cdn.example/slides.pdf", "bytes": 123456,
                              "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}],
               "room": {"projectorInput": "31", "camera": true}},
              {"id": "music.5a", "title": "Music", "start": "2026-11-28T01:00:00Z", "end": "2026-11-28T01:40:00Z",
               "source": "https://origin.example/music.m3u8", "mode": "broadcast", "futureField": 1}
             ]}""";

    @Test
    void decodes_the_documented_example() {
        Schedule schedule = decode(FIXTURE);
        assertEquals(12, schedule.version());
        // Ordered by start, whatever the order in the message.
        assertEquals("music.5a", schedule.lessons().get(0).id());
        Lesson music = schedule.lessons().get(0);
        assertNull(music.delay());
        assertEquals(RoomSetup.DEFAULT, music.room());
        assertEquals(LessonMode.BROADCAST, music.mode());
        Lesson english = schedule.lessons().get(1);
        assertEquals("lesson-eng-5a-1128", english.device());
        assertEquals(Instant.parse("2026-11-28T02:00:00Z"), english.start());
        assertEquals(new LessonDelay(30, 120), english.delay());
        assertEquals(new RoomSetup("31", true), english.room());
        assertEquals(123456, english.materials().get(0).bytes());
        assertEquals(45, english.duration().toMinutes());
    }

    @Test
    void encode_then_decode_gives_the_same_schedule() {
        Schedule schedule = decode(FIXTURE);
        assertEquals(schedule, ScheduleCodec.decode(ScheduleCodec.encode(schedule)));
        assertArrayEquals(ScheduleCodec.encode(schedule), ScheduleCodec.encode(ScheduleCodec.decode(
                ScheduleCodec.encode(schedule))));
    }

    @Test
    void every_error_names_the_field_and_the_lesson_index() {
        assertError(FIXTURE.replace("\"2026-11-28T02:45:00Z\"", "\"2026-11-28T01:59:00Z\""),
                "lessons[0].end must be after start 2026-11-28T02:00:00Z, but was 2026-11-28T01:59:00Z");
        assertError(FIXTURE.replace("eng-5a-1128", "eng 5a"), "lessons[0].id must match");
        assertError(FIXTURE.replace("\"interactive\"", "\"lecture\""),
                "lessons[0].mode must be interactive or broadcast, but was 'lecture'");
        assertError(FIXTURE.replace("https://origin.example/music.m3u8", "file:///etc/passwd"),
                "lessons[1].source must be an http or https URL with a host, but was 'file:///etc/passwd'");
        assertError(FIXTURE.replace("slides.pdf\"", "../slides.pdf\""), "lessons[0].materials[0].name must be");
        assertError(FIXTURE.replace("9f86d0", "XX86d0"), "lessons[0].materials[0].sha256 must be 64");
        assertError(FIXTURE.replace("\"31\"", "\"99\""), "lessons[0].room.projectorInput must be a PJLink");
        assertError(FIXTURE.replace("\"camera\": true", "\"camera\": \"yes\""), "lessons[0].room.camera must be");
        assertError(FIXTURE.replace("\"capSeconds\": 120", "\"capSeconds\": 10"),
                "lessons[0].delay.capSeconds must be in [30, 3600], but was 10");
        assertError(FIXTURE.replace("\"version\": 12", "\"version\": -1"), "version must be in [0, ");
        assertError(FIXTURE.replace("\"version\": 12", "\"version\": 1.5"), "version must be a whole number");
        assertError(FIXTURE.replace("\"title\": \"Music\", ", ""), "lessons[1].title is missing");
        assertError(FIXTURE.replace("2026-11-28T01:00:00Z", "tomorrow"), "lessons[1].start must be a UTC time");
    }

    @Test
    void rejects_schedules_that_cannot_happen() {
        assertError(FIXTURE.replace("music.5a", "eng-5a-1128"), "lessons[1].id 'eng-5a-1128' is used twice");
        assertError(FIXTURE.replace("2026-11-28T01:40:00Z", "2026-11-28T02:10:00Z"),
                "lesson eng-5a-1128 (start 2026-11-28T02:00:00Z) overlaps lesson music.5a");
        assertError(FIXTURE.replace("2026-11-28T01:40:00Z", "2026-11-29T01:40:00Z"),
                "lessons[1].end must be at most 12 h after start");
        StringBuilder many = new StringBuilder("{\"version\":1,\"lessons\":[");
        for (int i = 0; i <= ScheduleCodec.MAX_LESSONS; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        assertError(many + "]}", "lessons must hold at most 200 lessons, but held 201");
    }

    @Test
    void rejects_garbage_truncated_and_oversized_input() {
        assertError("", "schedule is empty");
        assertError("not json", "schedule is not valid JSON");
        assertError(FIXTURE.substring(0, FIXTURE.length() / 2), "schedule is not valid JSON");
        assertError("[1,2]", "schedule must be a JSON object");
        assertError("{\"version\":1,\"version\":2,\"lessons\":[]}", "schedule is not valid JSON: Duplicate field");
        assertError("{\"version\":1,\"lessons\":[]} {}", "schedule is not valid JSON");
        assertError("{\"version\":1,\"lessons\":{}}", "lessons must be an array");
        assertError(" ".repeat(ScheduleCodec.MAX_BYTES + 1), "more than the limit of 262144");
        assertEquals(0, decode("{\"version\":0,\"lessons\":[]}").lessons().size());
    }

    private static Schedule decode(String json) {
        return ScheduleCodec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(String json, String expected) {
        ScheduleException e = assertThrows(ScheduleException.class, () -> decode(json));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
