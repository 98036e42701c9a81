package org.classbox.agent.journal;

import static org.classbox.agent.journal.Outcomes.await;
import static org.classbox.agent.journal.Outcomes.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.classbox.agent.config.JournalConfig;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal on real trouble with its file system: a disk that fills and empties again (a small tmpfs), a data
 * directory that turns read-only, a second agent on the same data directory (a real second process).
 */
@ExtendWith(TestGuard.class)
class JournalDiskTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;
    private final Vertx vertx = Vertx.vertx();
    private SmallDisk disk;

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void a_full_disk_refuses_all_but_alarms_raises_an_alarm_and_recovers_when_space_returns() throws Exception {
        disk = smallDisk(24);
        Journal journal = started(disk.path(), 4);
        List<StorageState> states = new CopyOnWriteArrayList<>();
        vertx.runOnContext(v -> journal.onStorageState(states::add));
        long before = await(journal.append(entry(RecordClass.HEALTH, "before")));

        Path filler = disk.fill(2 * 1024 * 1024);
        JournalException refused = failure(journal.append(entry(RecordClass.HEALTH, "refused")));
        assertEquals(JournalException.Kind.DISK_FULL, refused.kind());
        assertTrue(refused.getMessage().contains("disk is full"), refused.getMessage());
        assertEquals(StorageState.DISK_FULL, journal.storageState());
        long alarm = await(journal.append(entry(RecordClass.ALARM, "projector error")));
        assertTrue(alarm > before, "alarms are still taken inside the reserve");

        Files.delete(filler);
        Await.until(WAIT, "the journal to notice the space", () -> journal.storageState() == StorageState.OK);
        long after = await(journal.append(entry(RecordClass.HEALTH, "after")));

        assertTrue(after > alarm);
        Await.until(WAIT, "both storage alarms stored", () -> storageAlarms(journal).size() == 2);
        assertEquals(List.of(true, false), storageAlarms(journal), "raised, then cleared");
        assertEquals(1, journal.counters().storageFull());
        assertEquals(1L, journal.counters().refused().get(RecordClass.HEALTH));
        Await.until(WAIT, "listeners told", () -> states.equals(List.of(StorageState.DISK_FULL, StorageState.OK)));
        await(journal.stop());
    }

    @Test
    void when_h2_itself_hits_enospc_no_acknowledged_record_is_lost_and_the_journal_reopens_by_itself()
            throws Exception {
        disk = smallDisk(24);
        // No reserve: nothing warns the journal; H2's own write fails with ENOSPC and H2 closes its file.
        Journal journal = started(disk.path(), 0);
        TestGuard.expectErrors("journal in");
        List<Long> acknowledged = new ArrayList<>();
        acknowledged.add(await(journal.append(entry(RecordClass.HEALTH, "before"))));
        Path filler = disk.fill(0);
        byte[] body = new byte[8_000];
        for (int i = 0; i < 2_000 && journal.storageState() == StorageState.OK; i++) {
            try {
                acknowledged.add(await(journal.append(new JournalEntry(RecordClass.HEALTH, "projector",
                        System.currentTimeMillis(), body))));
            } catch (JournalException e) {
                // refused: the disk is full
            }
        }
        assertTrue(journal.storageState() != StorageState.OK, "the full disk was noticed");
        failure(journal.append(entry(RecordClass.HEALTH, "while full")));

        Files.delete(filler);
        Await.until(WAIT, "the journal to reopen", () -> journal.storageState() == StorageState.OK);
        long after = await(journal.append(entry(RecordClass.HEALTH, "after")));

        List<Long> stored = await(journal.readAfter(0, 10_000)).stream().map(JournalRecord::id)
                .collect(Collectors.toList());
        assertTrue(stored.containsAll(acknowledged), "every acknowledged record is still there");
        assertTrue(after > acknowledged.get(acknowledged.size() - 1), "ids go on above everything given");
        await(journal.stop());
    }

    @Test
    void a_read_only_data_dir_is_refused_with_a_clear_error_and_left_untouched() throws Exception {
        disk = smallDisk(24);
        Journal journal = started(disk.path(), 0);
        await(journal.append(entry(RecordClass.HEALTH, "kept")));
        await(journal.stop());
        Map<String, String> files = fingerprint(disk.path());
        disk.readOnly(true);

        Journal refused = new Journal(vertx, config(disk.path(), 0));
        JournalException cause = failure(refused.start());
        assertEquals(JournalException.Kind.READ_ONLY, cause.kind(), cause.getMessage());
        assertTrue(cause.getMessage().contains(disk.path().toString()), cause.getMessage());
        await(refused.stop());

        disk.readOnly(false);
        assertEquals(files, fingerprint(disk.path()), "nothing was moved aside or changed");
        Journal again = started(disk.path(), 0);
        assertEquals(1, await(again.readAfter(0, 10)).size());
        await(again.stop());
    }

    @Test
    void a_second_agent_on_the_same_data_dir_exits_non_zero_and_leaves_the_data_untouched() throws Exception {
        Path dataDir = tmp.resolve("agent");
        Journal journal = started(dataDir, 0);
        long kept = await(journal.append(entry(RecordClass.HEALTH, "kept")));

        Process second = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "org.classbox.agent.Main", "--journal.dataDir=" + dataDir, "--identity.boxId=box-second",
                "--uplink.brokerUri=tcp://127.0.0.1:9", "--tls.allowPlaintext=true")
                .redirectErrorStream(true).start();
        String output;
        try {
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second agent exits by itself");
            output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            second.destroyForcibly();
        }

        assertTrue(second.exitValue() != 0, "exit code " + second.exitValue() + ": " + output);
        assertTrue(output.contains("locked") && output.contains(dataDir.toString()), output);
        try (Stream<Path> names = Files.list(dataDir)) {
            assertTrue(names.noneMatch(p -> p.getFileName().toString().startsWith("journal.corrupt-")),
                    "nothing moved aside");
        }
        assertEquals(List.of(kept), await(journal.readAfter(0, 10)).stream().map(JournalRecord::id)
                .collect(Collectors.toList()));
        await(journal.stop());
    }

    private SmallDisk smallDisk(int megabytes) throws Exception {
        SmallDisk mounted = SmallDisk.mount(tmp.resolve("disk"), megabytes);
        assertNotNull(mounted, "these tests need to mount a tmpfs (root, as in CI)");
        return mounted;
    }

    private Journal started(Path dataDir, int minFreeMegabytes) throws Exception {
        Journal journal = new Journal(vertx, config(dataDir, minFreeMegabytes));
        await(journal.start());
        return journal;
    }

    private static JournalConfig config(Path dataDir, int minFreeMegabytes) {
        return JournalConfig.defaults(dataDir).withMinFreeMegabytes(minFreeMegabytes);
    }

    private static List<Boolean> storageAlarms(Journal journal) {
        List<Boolean> raised = new ArrayList<>();
        for (JournalRecord r : journal.readAfter(0, 100).toCompletionStage().toCompletableFuture().join()) {
            if (r.entry().stream().equals(StorageAlarm.STREAM)) {
                assertEquals(RecordClass.ALARM, r.entry().recordClass());
                raised.add((Boolean) PayloadCodec.decode(r.entry().body()).metric(StorageAlarm.METRIC)
                        .orElseThrow().value());
            }
        }
        return raised;
    }

    private static Map<String, String> fingerprint(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> names = Files.list(dir)) {
            for (Path p : (Iterable<Path>) names::iterator) {
                files.put(p.getFileName().toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return files;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static JournalEntry entry(RecordClass recordClass, String body) {
        return new JournalEntry(recordClass, "projector", System.currentTimeMillis(),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
