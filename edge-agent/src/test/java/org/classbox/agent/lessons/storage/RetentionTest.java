package org.classbox.agent.lessons.storage;

import static org.classbox.agent.lessons.materials.LessonsRig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.classbox.agent.config.StorageConfig;
import org.classbox.agent.lessons.materials.LessonsRig;
import org.classbox.agent.lessons.materials.Material;
import org.classbox.sparkplug.Metric;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class RetentionTest {
    private static final int KB = 1024;
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    @TempDir
    Path dir;
    private LessonsRig rig;
    private SegmentFolders segments;

    @BeforeEach
    void start() throws Exception {
        rig = new LessonsRig(dir);
        segments = new SegmentFolders(rig.vertx(), dir.resolve("segments"));
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void retention_never_evicts_scheduled_playing_or_incomplete() throws Exception {
        List<LessonCatalog.KnownLesson> lessons = List.of(
                lesson("incomplete-old", NOW.minus(Duration.ofDays(30))),
                lesson("playing-now", NOW.plus(Duration.ofMinutes(20))),
                lesson("scheduled-next", NOW.plus(Duration.ofDays(1))));
        for (LessonCatalog.KnownLesson l : lessons) {
            segments.put(l.id(), 600 * KB);
        }
        Set<String> kept = Set.of("incomplete-old", "playing-now", "scheduled-next");

        RetentionReport report = await(retention(1, kept::contains, lessons).pass());

        assertEquals(List.of(), report.evicted());
        assertTrue(report.overBudget());
        assertEquals(1800L * KB, report.usedBytes());
        kept.forEach(id -> assertTrue(segments.holds(id), id));
        List<Metric> alarms = rig.metrics(Retention.STREAM);
        assertTrue(alarms.stream().anyMatch(m -> m.name().equals(Retention.OVER_BUDGET)
                && Boolean.TRUE.equals(m.value())), alarms.toString());
    }

    @Test
    void retention_frees_oldest_lessons_over_budget() throws Exception {
        List<LessonCatalog.KnownLesson> lessons = List.of(
                lesson("day-3", NOW.minus(Duration.ofDays(3))),
                lesson("day-1", NOW.minus(Duration.ofDays(1))),
                lesson("day-10", NOW.minus(Duration.ofDays(10))),
                lesson("day-2", NOW.minus(Duration.ofDays(2))));
        segments.put("day-10", 100 * KB);
        segments.put("day-3", 300 * KB);
        segments.put("day-2", 400 * KB);
        segments.put("day-1", 400 * KB);
        byte[] slides = new byte[200 * KB];
        await(rig.store().want(new Material("day-3", "slides.pdf", URI.create("http://origin.example/s.pdf"),
                slides.length, HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(slides)), NOW.minus(Duration.ofDays(3)))));
        Path slidesFile = Files.createDirectories(dir.resolve("journal/lessons/materials/day-3")).resolve("slides.pdf");
        Files.write(slidesFile, slides);

        RetentionReport report = await(retention(1, id -> false, lessons).pass());

        // day-10 is past keepDays (7); day-3 (segments and materials) goes for the budget; 800 KB fit in 1 MB.
        assertEquals(List.of("day-10", "day-3"), report.evicted());
        assertEquals(600L * KB, report.freedBytes());
        assertEquals(800L * KB, report.usedBytes());
        assertFalse(report.overBudget());
        assertFalse(segments.holds("day-3") || segments.holds("day-10"));
        assertTrue(segments.holds("day-2") && segments.holds("day-1"));
        assertFalse(Files.exists(slidesFile), "the lesson's materials went with it");
        assertEquals(List.of(), await(rig.store().all()));
        List<Metric> storage = rig.metrics(Retention.STREAM);
        assertTrue(storage.stream().anyMatch(m -> m.name().equals(Retention.FREED_BYTES)
                && m.longValue() == 600L * KB), storage.toString());
        assertTrue(storage.stream().anyMatch(m -> m.name().equals(Retention.OVER_BUDGET)
                && Boolean.FALSE.equals(m.value())), storage.toString());
    }

    private Retention retention(int budgetMegabytes, java.util.function.Predicate<String> mustKeep,
                                List<LessonCatalog.KnownLesson> lessons) {
        return new Retention(rig.vertx(), new StorageConfig(budgetMegabytes, 7, 30),
                () -> Future.succeededFuture(lessons), mustKeep, rig.journal()::append)
                .owner(segments).owner(rig.store()).clock(() -> NOW);
    }

    private static LessonCatalog.KnownLesson lesson(String id, Instant end) {
        return new LessonCatalog.KnownLesson(id, end);
    }
}
