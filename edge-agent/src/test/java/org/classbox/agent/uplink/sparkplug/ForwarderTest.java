package org.classbox.agent.uplink.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forwarder's window against a real journal, with the publish step under the test's control: each published
 * batch waits for the test to acknowledge or fail it, which is how PUBACK timing can be made deterministic.
 */
@ExtendWith(TestGuard.class)
class ForwarderTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private Vertx vertx;
    private Context context;
    private Journal journal;
    private Forwarder forwarder;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    private record Sent(Batch batch, Promise<Void> ack) {
    }

    @BeforeEach
    void start_journal() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        journal = new Journal(vertx, JournalConfig.defaults(dir));
        journal.start().await(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop_journal() throws Exception {
        context.runOnContext(v -> forwarder.pause());
        journal.stop().await(30, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void interleaved_streams_travel_many_records_to_a_message_in_order_per_stream() throws Exception {
        append(60, 6);
        start(200, 8);

        Await.until(WAIT, "one batch per stream", () -> sent.size() == 6);
        for (Sent s : sent) {
            List<Long> ids = s.batch().ids();
            assertEquals(10, ids.size(), s.batch().device());
            assertEquals(ids.stream().sorted().toList(), ids, "oldest first within " + s.batch().device());
            assertTrue(s.batch().records().stream().allMatch(r -> r.entry().stream().equals(s.batch().device())));
        }
        ackAll();
        Await.until(WAIT, "journal emptied", () -> journal.size() == 0);
    }

    @Test
    void a_rewind_never_sends_again_what_is_in_flight() throws Exception {
        append(20, 1);
        start(5, 2);
        Await.until(WAIT, "window full", () -> sent.size() == 2);

        onContext(() -> forwarder.rewind());
        onContext(() -> forwarder.wake());
        ackAll();
        Await.until(WAIT, "the other two batches", () -> sent.size() == 4);
        ackAll();
        Await.until(WAIT, "journal emptied", () -> journal.size() == 0);

        assertEquals(20, sentIds().size());
        assertEquals(20, sentIds().stream().distinct().count(), "no record sent twice: " + sentIds());
    }

    @Test
    void a_rebirth_holds_the_window_and_sends_nothing_twice() throws Exception {
        append(20, 1);
        start(5, 2);
        Await.until(WAIT, "window full", () -> sent.size() == 2);

        onContext(() -> forwarder.hold());
        ackAll();
        Await.until(WAIT, "acknowledged records removed", () -> journal.size() == 10);
        assertEquals(2, sent.size(), "nothing goes out while births are published");
        onContext(() -> forwarder.release());
        Await.until(WAIT, "sending again", () -> sent.size() == 4);
        ackAll();
        Await.until(WAIT, "journal emptied", () -> journal.size() == 0);

        assertEquals(20, sentIds().stream().distinct().count());
        assertEquals(20, sentIds().size(), "no record sent twice: " + sentIds());
    }

    @Test
    void a_publish_failing_on_a_live_session_is_sent_again_in_that_session() throws Exception {
        append(10, 1);
        start(5, 2);
        Await.until(WAIT, "window full", () -> sent.size() == 2);

        Sent first = sent.get(0);
        context.runOnContext(v -> first.ack().fail(new IllegalStateException("PUBACK reason 0x97")));
        Await.until(WAIT, "the refused batch sent again", () -> sent.size() == 3);
        assertEquals(first.batch().ids(), sent.get(2).batch().ids());
        ackAll();
        Await.until(WAIT, "journal emptied", () -> journal.size() == 0);
    }

    @Test
    void a_record_whose_wake_comes_while_a_read_misses_it_is_still_sent() throws Exception {
        append(1, 1);
        AtomicInteger reads = new AtomicInteger();
        onContext(() -> {
            forwarder = new Forwarder(journal, batch -> {
                Promise<Void> ack = Promise.promise();
                sent.add(new Sent(batch, ack));
                return ack.future();
            }, 5, () -> {
                if (reads.incrementAndGet() > 1) {
                    return EnumSet.allOf(RecordClass.class);
                }
                // The first read runs as if it started just before the record's commit, so it finds nothing, and
                // the record's wake arrives while it runs (the journal's group commit completes on its own time).
                forwarder.wake();
                return EnumSet.noneOf(RecordClass.class);
            }, retry -> vertx.setTimer(50, id -> retry.run()));
            forwarder.resume(2);
        });

        Await.until(WAIT, "the record sent without another append", () -> sent.size() == 1);
        ackAll();
        Await.until(WAIT, "journal emptied", () -> journal.size() == 0);
    }

    private void start(int batchSize, int window) throws Exception {
        onContext(() -> {
            forwarder = new Forwarder(journal, batch -> {
                Promise<Void> ack = Promise.promise();
                sent.add(new Sent(batch, ack));
                return ack.future();
            }, batchSize, () -> EnumSet.allOf(RecordClass.class), retry -> vertx.setTimer(50, id -> retry.run()));
            forwarder.resume(window);
        });
    }

    private void ackAll() {
        context.runOnContext(v -> sent.forEach(s -> s.ack().tryComplete()));
    }

    private List<Long> sentIds() {
        List<Long> ids = new ArrayList<>();
        sent.stream().filter(s -> s.ack().future().succeeded()).forEach(s -> ids.addAll(s.batch().ids()));
        return ids;
    }

    private void append(int count, int streams) throws Exception {
        for (int i = 0; i < count; i++) {
            long now = System.currentTimeMillis();
            byte[] body = PayloadCodec.encode(new Payload(now, null,
                    List.of(Metric.of("Value", MetricType.INT64, (long) i, now))));
            journal.append(new JournalEntry(RecordClass.HEALTH, "device-" + (i % streams), now, body))
                    .await(10, TimeUnit.SECONDS);
        }
    }

    private void onContext(Runnable work) throws Exception {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            work.run();
            done.complete();
        });
        done.future().await(10, TimeUnit.SECONDS);
    }
}
