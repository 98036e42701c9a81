package org.classbox.agent.commissioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.classbox.agent.config.CommissioningConfig;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.CommissioningMetrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class OutboxWatcherTest {
    private static final String REPORT = "{\"box\":\"box-0042\",\"group\":\"county-7\",\"startedAt\":"
            + "\"2026-12-06T04:00:00Z\",\"finishedAt\":\"2026-12-06T04:01:00Z\",\"passed\":false,\"steps\":["
            + "{\"device\":\"projector\",\"step\":\"power on\",\"passed\":true,\"millis\":5321,\"detail\":\"ok\"},"
            + "{\"device\":\"camera\",\"step\":\"snapshot\",\"passed\":false,\"millis\":3002,\"detail\":\"401\"}]}";

    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger appended = new AtomicInteger();
    private Journal journal;
    private OutboxWatcher watcher;
    private Path outbox;

    @BeforeEach
    void given_a_journal_and_a_watched_outbox() throws Exception {
        journal = new Journal(vertx, JournalConfig.defaults(dir.resolve("agent")));
        journal.start().await(10, TimeUnit.SECONDS);
        outbox = Files.createDirectories(dir.resolve("outbox"));
        watcher = new OutboxWatcher(vertx, new CommissioningConfig(outbox, 100), journal, appended::incrementAndGet);
        watcher.start().await(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        watcher.stop().await(10, TimeUnit.SECONDS);
        journal.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void a_report_is_journaled_as_one_commissioning_event_and_then_deleted() throws Exception {
        Path file = outbox.resolve("selftest-1796529660000.json");
        Files.writeString(file, REPORT);

        List<JournalRecord> records = Await.value(Duration.ofSeconds(10), "the report journaled", () -> {
            List<JournalRecord> all = journal.readAfter(0, 10).toCompletionStage().toCompletableFuture().join();
            return all.isEmpty() ? null : all;
        });
        assertEquals(1, records.size());
        assertEquals(CommissioningMetrics.DEVICE, records.get(0).entry().stream());
        assertEquals(RecordClass.EVENT, records.get(0).entry().recordClass());
        Payload payload = PayloadCodec.decode(records.get(0).entry().body());
        assertEquals(List.of(CommissioningMetrics.PASSED, CommissioningMetrics.FAILED, CommissioningMetrics.REPORT,
                CommissioningMetrics.AT), payload.metrics().stream().map(m -> m.name()).toList());
        assertEquals(false, payload.metrics().get(0).value());
        assertEquals("camera snapshot", payload.metrics().get(1).value());
        assertEquals(REPORT, payload.metrics().get(2).value());
        assertEquals(1796529660000L, payload.metrics().get(3).value());
        Await.until(Duration.ofSeconds(5), "the file deleted", () -> !Files.exists(file));
        assertEquals(1, appended.get());
    }

    @Test
    void a_file_still_being_written_is_left_alone() throws Exception {
        Files.writeString(outbox.resolve("selftest-1.json.tmp"), REPORT.substring(0, 20));
        watcher.drain().await(5, TimeUnit.SECONDS);

        assertTrue(Files.exists(outbox.resolve("selftest-1.json.tmp")));
        assertEquals(0, journal.readAfter(0, 10).await(5, TimeUnit.SECONDS).size());
    }

    @Test
    void malformed_and_oversized_reports_are_moved_aside_not_journaled() throws Exception {
        Files.writeString(outbox.resolve("selftest-1.json"), "{\"passed\":\"yes\"}");
        Files.writeString(outbox.resolve("selftest-2.json"), "not json");
        Files.write(outbox.resolve("selftest-3.json"), new byte[CommissioningMetrics.MAX_REPORT_BYTES + 1]);

        Await.until(Duration.ofSeconds(10), "all three moved to rejected/", () ->
                Files.exists(outbox.resolve("rejected/selftest-1.json"))
                        && Files.exists(outbox.resolve("rejected/selftest-2.json"))
                        && Files.exists(outbox.resolve("rejected/selftest-3.json")));
        assertFalse(Files.exists(outbox.resolve("selftest-1.json")));
        assertEquals(0, journal.readAfter(0, 10).await(5, TimeUnit.SECONDS).size());
    }
}
