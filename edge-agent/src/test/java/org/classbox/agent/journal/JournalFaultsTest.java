package org.classbox.agent.journal;

import static org.classbox.agent.journal.Outcomes.await;
import static org.classbox.agent.journal.Outcomes.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.classbox.agent.config.JournalConfig;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures injected into the journal's own I/O (the log, H2's commit, the checkpoint, the id reservation): no failure
 * leaves H2, the log and memory disagreeing, and no id is handed out twice within an epoch.
 */
@ExtendWith(TestGuard.class)
class JournalFaultsTest {
    @TempDir
    Path dataDir;
    private final Vertx vertx = Vertx.vertx();
    private final Inject inject = new Inject();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void a_log_write_failing_after_h2_committed_fails_its_appends_and_their_ids_are_never_given_again()
            throws Exception {
        Journal journal = started();
        long before = await(journal.append(entry("before")));

        inject.next(Faults.Point.LOG_FORCE);
        JournalException failed = failure(journal.append(entry("lost")));
        assertTrue(failed.getMessage().contains("taken out of H2 again"), failed.getMessage());
        long after = await(journal.append(entry("after")));

        assertTrue(after > before + 1, "the failed append's id is consumed, not reused");
        assertEquals(List.of("before", "after"), bodies(journal), "the failed append is not stored");
        assertEquals(2, journal.size());
        await(journal.stop());

        Journal reopened = started();
        assertEquals(List.of("before", "after"), bodies(reopened), "nothing of the failed group came back");
        assertTrue(await(reopened.append(entry("next"))) > after);
        await(reopened.stop());
    }

    @Test
    void an_h2_commit_that_fails_leaves_a_gap_and_the_journal_goes_on() throws Exception {
        Journal journal = started();
        long before = await(journal.append(entry("before")));
        inject.next(Faults.Point.H2_COMMIT);
        failure(journal.append(entry("lost")));
        long after = await(journal.append(entry("after")));

        assertTrue(after > before + 1);
        assertEquals(List.of("before", "after"), bodies(journal));
        assertEquals(StorageState.OK, journal.storageState());
        await(journal.stop());
    }

    @Test
    void a_failed_checkpoint_keeps_the_group_acknowledged_and_the_log_keeps_it_across_a_power_cut()
            throws Exception {
        Journal journal = started();
        inject.always(Faults.Point.CHECKPOINT);
        List<Long> ids = new ArrayList<>();
        // Past the log's 4 MB limit: the group that crosses it asks for a checkpoint, which fails.
        // Then a few more: had the log been emptied all the same, they would be written over its first frames.
        for (int i = 0; i < 76; i++) {
            ids.add(await(journal.append(big(i))));
        }
        Path copy = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-power-cut"));
        // A power cut now: what the device holds is the log and the side file; H2 may have lost everything since
        // its start, so its file from the start is what is left of it.
        Files.copy(dataDir.resolve(Journal.LOG_FILE), copy.resolve(Journal.LOG_FILE));
        Files.copy(dataDir.resolve(JournalIdentity.FILE), copy.resolve(JournalIdentity.FILE));
        Files.copy(startedH2, copy.resolve("journal.mv.db"));
        inject.clear();
        await(journal.stop());

        Journal afterCut = new Journal(vertx, JournalConfig.defaults(copy));
        await(afterCut.start());
        List<JournalRecord> records = await(afterCut.readAfter(0, 1000));
        assertEquals(ids, records.stream().map(JournalRecord::id).collect(Collectors.toList()));
        assertTrue(await(afterCut.append(entry("next"))) > ids.get(ids.size() - 1));
        await(afterCut.stop());
    }

    @Test
    void ids_stay_unique_and_acknowledged_records_stay_through_random_failures_and_restarts() throws Exception {
        Random random = new Random(7);
        Faults.Point[] points = {Faults.Point.H2_COMMIT, Faults.Point.LOG_APPEND, Faults.Point.LOG_FORCE,
            Faults.Point.CHECKPOINT};
        TreeSet<Long> acknowledged = new TreeSet<>();
        long highest = 0;
        for (int round = 0; round < 4; round++) {
            Journal journal = started();
            List<Future<Long>> appends = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                if (random.nextInt(6) == 0) {
                    inject.next(points[random.nextInt(points.length)]);
                }
                appends.add(journal.append(entry("round " + round + " #" + i)));
                if (i % 7 == 0) {
                    // Let a group commit finish now and then, so failures hit groups of different sizes.
                    appends.get(appends.size() - 1).transform(done -> Future.succeededFuture())
                            .await(20, TimeUnit.SECONDS);
                }
            }
            for (Future<Long> append : appends) {
                try {
                    long id = append.await(20, TimeUnit.SECONDS);
                    assertTrue(acknowledged.add(id), "id " + id + " handed out twice");
                    assertTrue(id > highest, "id " + id + " is above every id of earlier rounds (" + highest + ")");
                } catch (JournalException e) {
                    // an injected failure: the append was refused, which is allowed
                }
            }
            inject.clear();
            List<Long> stored = await(journal.readAfter(0, 10_000)).stream().map(JournalRecord::id)
                    .collect(Collectors.toList());
            assertEquals(new ArrayList<>(acknowledged), stored, "round " + round + ": exactly what was acknowledged");
            highest = acknowledged.isEmpty() ? 0 : acknowledged.last();
            await(journal.stop());
        }
        assertTrue(acknowledged.size() > 80, "a failure fails its group, not the journal: " + acknowledged.size());
    }

    @Test
    void records_recovered_after_a_corrupt_h2_file_keep_their_epoch_and_ids() throws Exception {
        Journal journal = started();
        long epoch = journal.epoch();
        long delivered = await(journal.append(entry("delivered")));
        await(journal.remove(List.of(delivered)));
        long a = await(journal.append(entry("a")));
        long b = await(journal.append(entry("b")));
        Path log = Files.copy(dataDir.resolve(Journal.LOG_FILE), dataDir.resolveSibling("log-copy"),
                StandardCopyOption.REPLACE_EXISTING);
        await(journal.stop());

        // The H2 file is damaged beyond repair; the log (forced on every group) still holds a and b.
        Files.write(JournalFile.dbFile(dataDir), new byte[64 * 1024]);
        Files.copy(log, dataDir.resolve(Journal.LOG_FILE), StandardCopyOption.REPLACE_EXISTING);
        TestGuard.expectErrors("is corrupt");
        Journal recovered = started();

        assertEquals(epoch, recovered.epoch(), "the epoch lives on in journal.state");
        List<JournalRecord> records = await(recovered.readAfter(0, 10));
        // The delivered record comes back too (H2 knew it was gone, the log did not): with its own id, so the
        // console drops it as a repeat instead of storing it twice.
        assertEquals(List.of(delivered, a, b), records.stream().map(JournalRecord::id).collect(Collectors.toList()),
                "recovered records keep their ids");
        assertTrue(await(recovered.append(entry("next"))) > b, "no id of the lost file is given again");
        try (Stream<Path> files = Files.list(dataDir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("journal.corrupt-")).count());
        }
        await(recovered.stop());
    }

    @Test
    void only_the_newest_file_moved_aside_is_kept() throws Exception {
        TestGuard.expectErrors("is corrupt");
        for (int i = 0; i < 3; i++) {
            Files.createDirectories(dataDir);
            Files.write(JournalFile.dbFile(dataDir), new byte[8 * 1024]);
            Journal journal = started();
            await(journal.stop());
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("journal.corrupt-")).count());
        }
    }

    @Test
    void bd_seq_is_on_the_device_before_it_is_used() throws Exception {
        Journal journal = started();
        long first = await(journal.nextBdSeq());
        // A power cut right after the NBIRTH went out: only what was forced is on the device.
        JournalIdentity onDevice = JournalIdentity.load(dataDir);
        assertEquals((first + 1) % 256, onDevice.bdSeq());
        await(journal.stop());
    }

    private Path startedH2;

    private Journal started() throws Exception {
        Journal journal = new Journal(vertx, JournalConfig.defaults(dataDir));
        journal.injectFaults(inject);
        TestGuard.expectErrors("injected");
        await(journal.start());
        startedH2 = Files.copy(JournalFile.dbFile(dataDir), dataDir.resolveSibling("h2-at-start"),
                StandardCopyOption.REPLACE_EXISTING);
        return journal;
    }

    private static JournalEntry entry(String body) {
        return new JournalEntry(RecordClass.HEALTH, "projector", System.currentTimeMillis(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static JournalEntry big(int i) {
        byte[] body = new byte[60_000];
        body[0] = (byte) i;
        return new JournalEntry(RecordClass.BULK, "camera", System.currentTimeMillis(), body);
    }

    private static List<String> bodies(Journal journal) throws Exception {
        return await(journal.readAfter(0, 100)).stream()
                .map(r -> new String(r.entry().body(), StandardCharsets.UTF_8)).collect(Collectors.toList());
    }

    /** Fails the journal's I/O at a chosen point, once or until cleared. */
    private static final class Inject implements Faults {
        private volatile Point point;
        private volatile boolean always;

        void next(Point at) {
            always = false;
            point = at;
        }

        void always(Point at) {
            always = true;
            point = at;
        }

        void clear() {
            point = null;
        }

        @Override
        public void at(Point at) throws IOException {
            if (at == point) {
                if (!always) {
                    point = null;
                }
                throw new IOException("injected failure at " + at);
            }
        }
    }
}
