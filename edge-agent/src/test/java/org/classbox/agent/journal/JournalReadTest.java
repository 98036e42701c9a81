package org.classbox.agent.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.classbox.agent.config.JournalConfig;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Reading batches to send: which records, in which order, what expires on the way, what a restart knows. */
@ExtendWith(TestGuard.class)
class JournalReadTest {
    private static final long HOUR = 3_600_000L;
    private static final long START = 1_800_000_000_000L;

    @TempDir
    Path dataDir;
    private final JournalRig rig = new JournalRig();
    private final AtomicLong now = new AtomicLong(START);
    private Journal journal;

    @AfterEach
    void close() throws Exception {
        rig.close();
    }

    @Test
    void a_batch_of_some_classes_holds_their_oldest_records_in_id_order() throws Exception {
        journal = started();
        List<Long> alarmsAndEvents = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            RecordClass recordClass = i % 7 == 0 ? RecordClass.ALARM : i % 5 == 0 ? RecordClass.EVENT
                    : RecordClass.HEALTH;
            long id = await(journal.append(entry(recordClass, START, "r" + i)));
            if (recordClass != RecordClass.HEALTH) {
                alarmsAndEvents.add(id);
            }
        }
        EnumSet<RecordClass> urgent = EnumSet.of(RecordClass.ALARM, RecordClass.EVENT);

        assertEquals(alarmsAndEvents.subList(0, 4), ids(await(journal.readRange(0, Long.MAX_VALUE, 4, urgent))));
        long after = alarmsAndEvents.get(1);
        long upTo = alarmsAndEvents.get(6);
        assertEquals(alarmsAndEvents.subList(2, 7), ids(await(journal.readRange(after, upTo, 100, urgent))));
        assertEquals(List.of(3L, 4L, 5L), ids(await(journal.readRange(2, 5, 10, EnumSet.allOf(RecordClass.class)))));
    }

    @Test
    void records_past_their_time_to_live_are_dropped_and_counted_when_read() throws Exception {
        journal = started();
        for (int i = 0; i < 10; i++) {
            await(journal.append(entry(RecordClass.HEALTH, START, "stale " + i)));
        }
        long alarm = await(journal.append(entry(RecordClass.ALARM, START, "lamp failure")));
        long fresh = await(journal.append(entry(RecordClass.HEALTH, START + 200 * HOUR, "fresh")));
        // No real-time clock and no NTP yet: the sample has no trustworthy age, so it is kept whatever the clock says.
        long unset = await(journal.append(entry(RecordClass.HEALTH, 5_000, "taken before the clock was set")));
        long bytesBefore = await(journal.storedBytes());

        now.set(START + 169 * HOUR);
        // Ten expired records sit before the live ones: the batch still fills with what may be sent.
        assertEquals(List.of(alarm, fresh, unset), ids(await(journal.readAfter(0, 3))));

        assertEquals(10L, journal.counters().dropped().get(RecordClass.HEALTH));
        assertEquals(0L, journal.counters().dropped().get(RecordClass.ALARM), "alarms live 720 h by default");
        assertEquals(3, journal.size());
        long staleBytes = 10 * RoomMaker.sizeOf(entry(RecordClass.HEALTH, START, "stale 0"));
        assertEquals(bytesBefore - staleBytes, await(journal.storedBytes()));

        rig.stop(journal);
        journal = started();
        assertEquals(10L, journal.counters().dropped().get(RecordClass.HEALTH), "drops are counted durably");
        assertEquals(List.of(alarm, fresh, unset), ids(await(journal.readAfter(0, 10))));
    }

    @Test
    void events_never_expire_and_bulk_lives_seconds_by_default() throws Exception {
        journal = started();
        long answer = await(journal.append(entry(RecordClass.EVENT, START, "answer B at 61.5 s")));
        await(journal.append(entry(RecordClass.BULK, START, "a camera snapshot")));
        long later = await(journal.append(entry(RecordClass.BULK, START + 50_000, "a later snapshot")));

        now.set(START + 61_000);
        assertEquals(List.of(answer, later), ids(await(journal.readAfter(0, 10))), "the first snapshot lived 60 s");
        now.set(START + 10 * 365 * 24 * HOUR);
        assertEquals(List.of(answer), ids(await(journal.readAfter(0, 10))), "an answer waits for the link for years");
        assertEquals(0L, journal.counters().dropped().get(RecordClass.EVENT));
        assertEquals(2L, journal.counters().dropped().get(RecordClass.BULK));
    }

    @Test
    void size_and_stored_bytes_after_a_restart_match_the_records_even_after_a_power_cut() throws Exception {
        journal = started();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(await(journal.append(entry(RecordClass.HEALTH, START, "sample number " + i))));
        }
        await(journal.remove(ids.subList(0, 5)));
        rig.stop(journal);
        Path h2 = JournalFile.dbFile(dataDir);
        Files.copy(h2, dataDir.resolve("h2-at-power-cut"));

        journal = started();
        assertEquals(15, journal.size());
        assertEquals(scannedBytes(), await(journal.storedBytes()));
        await(journal.append(entry(RecordClass.EVENT, START, "input changed to HDMI 2")));
        await(journal.append(entry(RecordClass.HEALTH, START, "a longer sample body after the event")));
        Files.copy(dataDir.resolve(Journal.LOG_FILE), dataDir.resolve("log-at-power-cut"));
        rig.stop(journal);
        // The power cut: H2 lost its last writes, the synced log did not; the log's records come back with their bytes.
        Files.copy(dataDir.resolve("h2-at-power-cut"), h2, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dataDir.resolve("log-at-power-cut"), dataDir.resolve(Journal.LOG_FILE),
                StandardCopyOption.REPLACE_EXISTING);

        journal = started();
        assertEquals(17, journal.size());
        assertEquals(scannedBytes(), await(journal.storedBytes()));
    }

    private long scannedBytes() throws Exception {
        rig.stop(journal);
        try (Connection connection = JournalFile.open(dataDir, true)) {
            return RoomMaker.storedBytes(connection);
        } finally {
            journal = started();
        }
    }

    private Journal started() throws Exception {
        return rig.start(JournalConfig.defaults(dataDir), now::get);
    }

    private static JournalEntry entry(RecordClass recordClass, long takenAt, String body) {
        return new JournalEntry(recordClass, "projector", takenAt, body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Long> ids(List<JournalRecord> records) {
        return records.stream().map(JournalRecord::id).collect(Collectors.toList());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return JournalRig.await(future);
    }
}
