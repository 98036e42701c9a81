package org.classbox.agent.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.classbox.agent.config.JournalConfig;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class JournalTest {
    @TempDir
    Path dataDir;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void appended_records_come_back_in_order_until_removed() throws Exception {
        Journal journal = started();
        long first = await(journal.append(entry("a")));
        long second = await(journal.append(entry("b")));

        List<JournalRecord> records = await(journal.readAfter(0, 10));
        assertEquals(List.of(first, second), ids(records));
        assertArrayEquals("a".getBytes(StandardCharsets.UTF_8), records.get(0).entry().body());

        await(journal.remove(List.of(first)));
        assertEquals(List.of(second), ids(await(journal.readAfter(0, 10))));
        assertEquals(1, journal.size());
        await(journal.stop());
    }

    @Test
    void many_concurrent_appends_get_distinct_increasing_ids() throws Exception {
        Journal journal = started();
        List<Future<Long>> appends = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            appends.add(journal.append(entry("sample " + i)));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Long> append : appends) {
            ids.add(await(append));
        }
        assertEquals(500, ids.stream().distinct().count());
        assertEquals(ids, ids.stream().sorted().collect(Collectors.toList()), "ids follow append order");
        assertEquals(500, await(journal.readAfter(0, 1000)).size());
        await(journal.stop());
    }

    @Test
    void records_epoch_and_ids_survive_a_restart_and_ids_are_never_reused() throws Exception {
        Journal journal = started();
        long id = await(journal.append(entry("kept")));
        long removed = await(journal.append(entry("gone")));
        await(journal.remove(List.of(removed)));
        long epoch = journal.epoch();
        await(journal.stop());

        Journal reopened = started();
        assertEquals(epoch, reopened.epoch());
        assertEquals(List.of(id), ids(await(reopened.readAfter(0, 10))));
        assertTrue(await(reopened.append(entry("next"))) > removed, "ids continue after the highest ever given");
        await(reopened.stop());
    }

    @Test
    void bd_seq_advances_across_restarts_and_wraps_at_256() throws Exception {
        Journal journal = started();
        long first = await(journal.nextBdSeq());
        await(journal.stop());
        Journal reopened = started();
        assertEquals((first + 1) % 256, await(reopened.nextBdSeq()));
        for (int i = 0; i < 254; i++) {
            await(reopened.nextBdSeq());
        }
        assertEquals(first, await(reopened.nextBdSeq()));
        await(reopened.stop());
    }

    @Test
    void corrupt_journal_file_is_moved_aside_and_a_fresh_one_starts() throws Exception {
        Files.createDirectories(dataDir);
        Files.write(JournalFile.dbFile(dataDir), "this is not an H2 file at all".repeat(200).getBytes());
        TestGuard.expectErrors("is corrupt");

        Journal journal = started();

        assertEquals(0, journal.size());
        long id = await(journal.append(entry("fresh")));
        assertEquals(1, id);
        try (var files = Files.list(dataDir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("journal.corrupt-")),
                    "the bad file is kept for diagnosis");
        }
        await(journal.stop());
    }

    @Test
    void a_fresh_journal_gets_a_new_epoch() throws Exception {
        Journal journal = started();
        long epoch = journal.epoch();
        await(journal.stop());
        Files.delete(JournalFile.dbFile(dataDir));
        Files.delete(dataDir.resolve(JournalIdentity.FILE));
        Journal fresh = started();
        assertNotEquals(epoch, fresh.epoch());
        await(fresh.stop());
    }

    private Journal started() throws Exception {
        Journal journal = new Journal(vertx, JournalConfig.defaults(dataDir));
        await(journal.start());
        return journal;
    }

    private static JournalEntry entry(String body) {
        return new JournalEntry(RecordClass.HEALTH, "projector", System.currentTimeMillis(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Long> ids(List<JournalRecord> records) {
        return records.stream().map(JournalRecord::id).collect(Collectors.toList());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(20, TimeUnit.SECONDS);
    }
}
