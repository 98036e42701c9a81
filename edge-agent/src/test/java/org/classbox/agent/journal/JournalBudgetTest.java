package org.classbox.agent.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.classbox.agent.config.JournalConfig;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The journal under a 1 MB budget: who makes room for whom, and what is counted. */
@ExtendWith(TestGuard.class)
class JournalBudgetTest {
    private static final int BODY = 10_000 - 64;
    private static final long NOW = System.currentTimeMillis();

    @TempDir
    Path dataDir;
    private final Vertx vertx = Vertx.vertx();
    private Journal journal;

    @AfterEach
    void close() throws Exception {
        if (journal != null) {
            await(journal.stop());
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void expired_records_go_first_whatever_their_class() throws Exception {
        journal = started();
        long old = NOW - 31L * 24 * 3_600_000;
        await(journal.append(entry(RecordClass.ALARM, old)));
        fill(RecordClass.BULK, 103);

        await(journal.append(entry(RecordClass.BULK, NOW)));

        assertEquals(1L, journal.counters().dropped().get(RecordClass.ALARM), "the 31-day-old alarm expired");
        assertEquals(0L, journal.counters().dropped().get(RecordClass.BULK));
    }

    @Test
    void samples_stamped_before_the_clock_was_set_never_count_as_expired() throws Exception {
        journal = started();
        // A box without a real-time clock boots in 1970 until NTP answers; those samples have no trustworthy age.
        long unsetClock = 5_000;
        long early = await(journal.append(entry(RecordClass.HEALTH, unsetClock)));
        fill(RecordClass.BULK, 103);

        await(journal.append(entry(RecordClass.BULK, NOW)));

        assertEquals(0L, journal.counters().dropped().get(RecordClass.HEALTH));
        assertTrue(ids().contains(early));
    }

    @Test
    void bulk_goes_before_health_and_alarms_never_make_way_for_lower_classes() throws Exception {
        journal = started();
        List<Long> alarms = fill(RecordClass.ALARM, 20);
        fill(RecordClass.HEALTH, 40);
        List<Long> bulk = fill(RecordClass.BULK, 44);

        await(journal.append(entry(RecordClass.HEALTH, NOW)));

        assertEquals(1L, journal.counters().dropped().get(RecordClass.BULK));
        assertEquals(0L, journal.counters().dropped().get(RecordClass.HEALTH));
        List<Long> left = ids();
        assertTrue(left.containsAll(alarms));
        assertTrue(!left.contains(bulk.get(0)) && left.contains(bulk.get(1)), "the oldest bulk record went");
    }

    @Test
    void health_history_is_thinned_to_every_nth_keeping_extremes_before_it_is_dropped() throws Exception {
        journal = started();
        List<Long> health = new ArrayList<>();
        for (int i = 0; i < 104; i++) {
            double temperature = i == 57 ? 99.0 : 40.0 + (i % 3);
            health.add(await(journal.append(new JournalEntry(RecordClass.HEALTH, "host", NOW + i,
                    sample(temperature)))));
        }

        await(journal.append(new JournalEntry(RecordClass.HEALTH, "host", NOW + 200, sample(41.0))));

        List<Long> left = ids();
        assertTrue(left.contains(health.get(0)) && left.contains(health.get(10)), "every 10th kept: " + left);
        assertTrue(left.contains(health.get(57)), "the spike of 99 degrees is kept");
        assertTrue(journal.counters().dropped().get(RecordClass.HEALTH) > 80);
    }

    @Test
    void when_only_alarms_and_events_remain_appends_are_refused_and_counted() throws Exception {
        journal = started();
        List<Long> alarms = fill(RecordClass.ALARM, 52);
        List<Long> events = fill(RecordClass.EVENT, 52);

        ExecutionException refusedAlarm = assertThrows(() -> journal.append(entry(RecordClass.ALARM, NOW)));
        ExecutionException refusedHealth = assertThrows(() -> journal.append(entry(RecordClass.HEALTH, NOW)));

        assertInstanceOf(JournalFullException.class, refusedAlarm.getCause());
        assertTrue(refusedAlarm.getCause().getMessage().contains("refused a alarm record"),
                refusedAlarm.getCause().getMessage());
        assertInstanceOf(JournalFullException.class, refusedHealth.getCause());
        assertEquals(Map.of(RecordClass.ALARM, 1L, RecordClass.EVENT, 0L, RecordClass.HEALTH, 1L,
                RecordClass.BULK, 0L), journal.counters().refused());
        List<Long> all = new ArrayList<>(alarms);
        all.addAll(events);
        assertEquals(all, ids(), "nothing stored was touched");
    }

    @Test
    void counters_survive_a_restart() throws Exception {
        journal = started();
        fill(RecordClass.BULK, 105);
        long dropped = journal.counters().dropped().get(RecordClass.BULK);
        assertTrue(dropped > 0);
        await(journal.stop());
        journal = started();
        assertEquals(dropped, journal.counters().dropped().get(RecordClass.BULK));
    }

    private Journal started() throws Exception {
        // Bulk records are stamped NOW, when the class loads: a day's TTL keeps them from expiring on a slow machine.
        Journal started = new Journal(vertx, JournalConfig.defaults(dataDir).withBudgetMegabytes(1)
                .withBulkTtlSeconds(86_400));
        await(started.start());
        return started;
    }

    private List<Long> fill(RecordClass recordClass, int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(await(journal.append(entry(recordClass, NOW))));
        }
        return ids;
    }

    private List<Long> ids() throws Exception {
        return await(journal.readAfter(0, 10_000)).stream().map(JournalRecord::id).collect(Collectors.toList());
    }

    private static JournalEntry entry(RecordClass recordClass, long takenAt) {
        return new JournalEntry(recordClass, "test", takenAt, new byte[BODY]);
    }

    /** A health sample padded to the same size as the others. */
    private static byte[] sample(double temperature) {
        byte[] body = PayloadCodec.encode(new Payload(NOW, null, List.of(
                Metric.of("Temperature", MetricType.DOUBLE, temperature, NOW),
                Metric.of("Padding", MetricType.STRING, "x".repeat(BODY - 40), NOW))));
        return body;
    }

    private static ExecutionException assertThrows(java.util.concurrent.Callable<Future<Long>> append) {
        try {
            append.call().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected the append to be refused");
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(20, TimeUnit.SECONDS);
    }
}
