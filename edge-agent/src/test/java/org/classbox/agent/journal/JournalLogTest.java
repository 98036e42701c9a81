package org.classbox.agent.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.classbox.agent.config.JournalConfig;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead log that makes appends durable, and what a power cut leaves of it. */
@ExtendWith(TestGuard.class)
class JournalLogTest {
    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void a_torn_last_frame_is_cut_off_and_the_intact_ones_replay() throws Exception {
        Path file = dir.resolve("journal.log");
        long end;
        try (JournalLog log = new JournalLog(file)) {
            log.append(List.of(record(1, "first"), record(2, "second")));
            end = log.size();
        }
        byte[] whole = Files.readAllBytes(file);
        // The power cut came while the second frame was being written: its last bytes never reached the device.
        java.util.Arrays.fill(whole, (int) end - 3, (int) end, (byte) 0);
        Files.write(file, whole);

        try (JournalLog log = new JournalLog(file)) {
            List<JournalRecord> replayed = log.replay();
            assertEquals(List.of(1L), replayed.stream().map(JournalRecord::id).collect(Collectors.toList()));
            assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), replayed.get(0).entry().body());
        }
    }

    @Test
    void a_damaged_frame_in_the_middle_is_cut_and_reported_and_the_frames_after_it_replay() throws Exception {
        Path file = dir.resolve("journal.log");
        long end;
        try (JournalLog log = new JournalLog(file)) {
            log.append(List.of(record(1, "first"), record(2, "second"), record(3, "third")));
            end = log.size();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) end / 2] ^= 0x40;
        Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        TestGuard.expectErrors("a damaged frame in the middle");
        try (JournalLog log = new JournalLog(file)) {
            assertEquals(List.of(1L, 3L), log.replay().stream().map(JournalRecord::id).collect(Collectors.toList()));
            assertEquals(1, log.cuts().size(), "the cut is reported");
            assertEquals(1L, log.cuts().get(0).afterId());
            assertEquals(3L, log.cuts().get(0).nextId());
            assertTrue(log.cuts().get(0).bytes() > "second".length(), "the whole damaged frame is cut");
        }
    }

    @Test
    void an_emptied_log_is_written_over_in_place_and_replays_only_what_came_after() throws Exception {
        Path file = dir.resolve("journal.log");
        long allocated;
        try (JournalLog log = new JournalLog(file)) {
            log.append(List.of(record(1, "first"), record(2, "second"), record(3, "third")));
            allocated = Files.size(file);
            log.clear();
            log.append(List.of(record(4, "fourth")));
            assertEquals(allocated, Files.size(file), "the blocks written ahead are used again, not written anew");
        }
        try (JournalLog log = new JournalLog(file)) {
            assertEquals(List.of(4L), log.replay().stream().map(JournalRecord::id).collect(Collectors.toList()),
                    "the old frames behind the new one hold lower ids and end the replay");
            assertEquals(List.of(), log.cuts());
        }
    }

    @Test
    void records_the_h2_file_lost_in_a_power_cut_come_back_from_the_log() throws Exception {
        Journal journal = new Journal(vertx, JournalConfig.defaults(dir));
        await(journal.start());
        long kept = await(journal.append(entry("before")));
        await(journal.stop());
        // What the H2 file looked like on the device before the next appends reached it.
        Path h2 = JournalFile.dbFile(dir);
        Files.copy(h2, dir.resolve("h2-at-power-cut"));

        journal = new Journal(vertx, JournalConfig.defaults(dir));
        await(journal.start());
        long a = await(journal.append(entry("acknowledged 1")));
        long b = await(journal.append(entry("acknowledged 2")));
        Files.copy(dir.resolve(Journal.LOG_FILE), dir.resolve("log-at-power-cut"));
        await(journal.stop());

        // The power cut: H2 lost its last writes, the synced log did not.
        Files.copy(dir.resolve("h2-at-power-cut"), h2, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("log-at-power-cut"), dir.resolve(Journal.LOG_FILE), StandardCopyOption.REPLACE_EXISTING);
        TestGuard.expectErrors("never");
        journal = new Journal(vertx, JournalConfig.defaults(dir));
        await(journal.start());

        List<JournalRecord> records = await(journal.readAfter(0, 10));
        assertEquals(List.of(kept, a, b), records.stream().map(JournalRecord::id).collect(Collectors.toList()));
        assertArrayEquals("acknowledged 2".getBytes(StandardCharsets.UTF_8), records.get(2).entry().body());
        assertTrue(await(journal.append(entry("next"))) > b, "ids go on above the highest ever given");
        await(journal.stop());
    }

    private static JournalRecord record(long id, String body) {
        return new JournalRecord(id, entry(body));
    }

    private static JournalEntry entry(String body) {
        return new JournalEntry(RecordClass.HEALTH, "projector", System.currentTimeMillis(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(20, TimeUnit.SECONDS);
    }
}
