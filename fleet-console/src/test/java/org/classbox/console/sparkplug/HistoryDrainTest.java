package org.classbox.console.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.BoxStore;
import org.classbox.console.store.HistoryInbox;
import org.classbox.console.store.StoreUnderTest;
import org.classbox.sparkplug.AliasBook;
import org.classbox.sparkplug.Compression;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A returning backlog (compressed DDATA whose records are all historical, as a box drains its journal) goes through
 * the history inbox: kept in ingest's transaction, applied by the {@link HistoryDrain} between live batches, on a
 * real H2 store and a real PostgreSQL one.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreUnderTest.class)
@ExtendWith(TestGuard.class)
class HistoryDrainTest {
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final long EPOCH = 41;
    private static final long T = 1_700_000_000_000L;
    private static final BoxKey BOX = new BoxKey("g1", "box-1");
    private static final String PROJECTOR_DATA = "spBv1.0/g1/DDATA/box-1/projector";

    @Parameter
    StoreUnderTest storeUnderTest;
    @TempDir
    Path dir;
    private StoreUnderTest.Place place;
    private Vertx vertx;
    private Context context;
    private BoxStore store;
    private SparkplugIngest ingest;
    private HistoryDrain drain;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        place = storeUnderTest.open(dir);
        store = new BoxStore(vertx, place.config(3600));
        await(store.start());
        ingest = new SparkplugIngest(vertx, store, (group, box) -> { }, () -> T, 256, 1024 * 1024, new AliasBook());
    }

    @AfterEach
    void stop() throws Exception {
        try {
            onContext(() -> {
                ingest.stop();
                if (drain != null) {
                    drain.stop();
                }
                return store.stop();
            });
            vertx.close().await(10, TimeUnit.SECONDS);
        } finally {
            place.close();
        }
    }

    @Test
    void a_historical_message_is_kept_in_the_inbox_then_stored_exactly_once() throws Exception {
        born();
        byte[] backlog = history(1, 3);
        accept(PROJECTOR_DATA, backlog);
        accept(PROJECTOR_DATA, backlog); // The broker's redelivery: the same records again.
        assertEquals(2, inbox(), "kept as received, nothing stored yet");
        assertEquals(0, samples());

        startDrain();
        Await.until(SOON, "the inbox applied", () -> ingest.counters().historyApplied() == 2);
        assertEquals(0, inbox());
        assertEquals(3, samples(), "3 records, once");
        assertEquals(0L, ingest.counters().historyQueued());
        assertEquals(3, (long) ingest.counters().snapshot().get("samplesRepeated"));
    }

    @Test
    void a_console_stopped_with_history_in_its_inbox_applies_it_after_its_restart() throws Exception {
        born();
        accept(PROJECTOR_DATA, history(1, 200));
        accept(PROJECTOR_DATA, history(201, 200));
        onContext(() -> {
            ingest.stop();
            return store.stop();
        });

        await(store.start());
        ingest = new SparkplugIngest(vertx, store, (group, box) -> { }, () -> T, 256, 1024 * 1024, new AliasBook());
        onContext(ingest::learnBirths);
        startDrain();
        Await.until(SOON, "the inbox applied after the restart", () -> ingest.counters().historyApplied() == 2);
        assertEquals(400, samples());
        assertEquals(0, inbox());
        assertEquals(EPOCH, onContext(() -> store.samples(BOX, 1)).get(0).epoch(), "under the epoch it came with");
    }

    @Test
    void live_data_sent_after_a_big_backlog_is_stored_before_the_backlog_is_drained() throws Exception {
        born();
        startDrain();
        List<Future<Void>> backlog = new ArrayList<>();
        onContext(() -> {
            for (int i = 0; i < 60; i++) {
                backlog.add(ingest.accept(PROJECTOR_DATA, history(1 + i * 200L, 200)));
            }
            return Future.all(backlog);
        });
        accept(PROJECTOR_DATA, live(100_000, "on"));

        long left = inbox();
        assertTrue(left > 0, "live data waited for the backlog's drain");
        assertEquals("on", power());
        Await.until(Duration.ofSeconds(120), "the backlog applied", () -> inbox() == 0);
        assertEquals(60 * 200 + 1, samples());
    }

    @Test
    void history_older_than_the_latest_value_leaves_it_unchanged() throws Exception {
        born();
        startDrain();
        accept(PROJECTOR_DATA, live(500, "on"));
        accept(PROJECTOR_DATA, history(1, 10));
        Await.until(SOON, "the history applied", () -> ingest.counters().historyApplied() == 1);
        assertEquals("on", power());
        assertEquals(11, samples(), "the history is kept as samples");
    }

    private void born() throws Exception {
        accept("spBv1.0/g1/NBIRTH/box-1", PayloadCodec.encode(new Payload(T, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, T),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, EPOCH, T)))));
        accept("spBv1.0/g1/DBIRTH/box-1/projector", PayloadCodec.encode(new Payload(T, 1L, List.of(
                Metric.of(Metrics.POWER, MetricType.STRING, "off", T)))));
    }

    private void startDrain() throws Exception {
        drain = onContext(() -> {
            HistoryDrain started = new HistoryDrain(vertx, store, ingest);
            return started.start().map(started);
        });
    }

    /** {@code count} journal records from {@code firstId}, power "standby", compressed as a box sends its backlog. */
    private static byte[] history(long firstId, int count) {
        List<Metric> metrics = new ArrayList<>();
        for (long id = firstId; id < firstId + count; id++) {
            long at = T - 3_600_000 + id;
            metrics.add(new Metric(Metrics.RECORD_ID, MetricType.UINT64, id, at, true));
            metrics.add(Metric.of(Metrics.POWER, MetricType.STRING, "standby", at).asHistorical());
        }
        byte[] encoded = PayloadCodec.encode(new Payload(T, 2L, metrics));
        return PayloadCodec.compress(encoded, Compression.DEFLATE, T, 2L);
    }

    private static byte[] live(long recordId, String power) {
        return PayloadCodec.encode(new Payload(T, 3L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, recordId, T),
                Metric.of(Metrics.POWER, MetricType.STRING, power, T))));
    }

    private void accept(String topic, byte[] payload) throws Exception {
        onContext(() -> ingest.accept(topic, payload));
    }

    private long inbox() {
        return count(() -> store.read("inbox", writes -> new HistoryInbox(writes.connection()).count()));
    }

    private long samples() {
        return count(() -> store.read("samples", writes -> {
            try (var rs = writes.connection().createStatement().executeQuery("SELECT COUNT(*) FROM samples")) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    private String power() throws Exception {
        return onContext(() -> store.boxesWithId(BOX.boxId(), T)).get(0).projector().power();
    }

    private long count(Supplier<Future<Long>> query) {
        try {
            return onContext(query);
        } catch (Exception e) {
            throw new IllegalStateException("reading the store failed", e);
        }
    }

    /** Ingest and the drain are the event loop's: everything touching them runs on one context, as in a console. */
    private <T> T onContext(Supplier<Future<T>> work) throws Exception {
        Promise<T> done = Promise.promise();
        context.runOnContext(v -> work.get().onComplete(done));
        return await(done.future());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(60, TimeUnit.SECONDS);
    }
}
