package org.classbox.console.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.BoxStore;
import org.classbox.console.store.BoxView;
import org.classbox.console.store.Sample;
import org.classbox.console.store.StoreUnderTest;
import org.classbox.sparkplug.AliasBook;
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

/** Sparkplug messages, encoded as a box encodes them, applied to a real H2 store and a real PostgreSQL one. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreUnderTest.class)
@ExtendWith(TestGuard.class)
class SparkplugIngestTest {
    private static final long EPOCH = 77;
    private static final long T = 1_700_000_000_000L;
    private static final BoxKey BOX_1 = new BoxKey("g1", "box-1");
    private static final int MAX_PAYLOAD = 4096;

    @Parameter
    StoreUnderTest storeUnderTest;
    @TempDir
    Path dir;
    private StoreUnderTest.Place place;
    private Vertx vertx;
    private BoxStore store;
    private SparkplugIngest ingest;
    private HistoryDrain drain;
    private final List<String> rebirths = new ArrayList<>();
    private long now = T + 60_000;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        place = storeUnderTest.open(dir);
        store = new BoxStore(vertx, place.config(3600));
        await(store.start());
        ingest = newIngest();
    }

    /** An ingest with an empty alias book that first learns the births saved in the store, as a console starts. */
    private SparkplugIngest newIngest() throws Exception {
        SparkplugIngest fresh = new SparkplugIngest(vertx, store, (group, box) -> rebirths.add(group + "/" + box),
                () -> now, 16, MAX_PAYLOAD, new AliasBook());
        await(fresh.learnBirths());
        drain = new HistoryDrain(vertx, store, fresh);
        await(drain.start());
        return fresh;
    }

    @AfterEach
    void stop() throws Exception {
        try {
            ingest.stop();
        drain.stop();
            drain.stop();
            await(store.stop());
            vertx.close().await(10, TimeUnit.SECONDS);
        } finally {
            place.close();
        }
    }

    @Test
    void birth_then_data_gives_latest_state_and_samples() throws Exception {
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(3));
        accept("spBv1.0/g1/DBIRTH/box-1/projector", payload(
                Metric.of(Metrics.POWER, MetricType.STRING, "off", T),
                Metric.of(Metrics.LAMP_HOURS, MetricType.INT64, 100L, T)));
        accept("spBv1.0/g1/DDATA/box-1/projector", payload(
                record(1, T + 1000), Metric.of(Metrics.POWER, MetricType.STRING, "warming", T + 1000),
                record(2, T + 2000), Metric.of(Metrics.POWER, MetricType.STRING, "on", T + 2000),
                Metric.of(Metrics.INPUT, MetricType.STRING, "31", T + 2000)));

        BoxView box = box("box-1");
        assertTrue(box.online());
        assertEquals("on", box.projector().power());
        assertEquals("31", box.projector().input());
        assertEquals(100L, box.projector().lampHours());
        List<Sample> samples = samples(BOX_1);
        assertEquals(3, samples.size());
        assertEquals(EPOCH, samples.get(0).epoch());
        assertTrue(rebirths.isEmpty());
    }

    @Test
    void a_record_delivered_twice_is_stored_once() throws Exception {
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(0));
        byte[] data = payload(record(5, T), Metric.of(Metrics.POWER, MetricType.STRING, "on", T));
        accept("spBv1.0/g1/DDATA/box-1/projector", data);
        accept("spBv1.0/g1/DDATA/box-1/projector", data);
        assertEquals(1, samples(BOX_1).size());
    }

    @Test
    void a_late_historical_sample_does_not_hide_a_newer_value_but_is_kept_in_history() throws Exception {
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(0));
        accept("spBv1.0/g1/DDATA/box-1/projector", payload(record(9, T + 5000),
                Metric.of(Metrics.POWER, MetricType.STRING, "on", T + 5000)));
        accept("spBv1.0/g1/DDATA/box-1/projector", payload(record(8, T).asHistorical(),
                Metric.of(Metrics.POWER, MetricType.STRING, "off", T).asHistorical()));
        awaitHistoryApplied(1);

        assertEquals("on", box("box-1").projector().power());
        List<Sample> samples = samples(BOX_1);
        assertEquals(2, samples.size());
        assertTrue(samples.get(1).historical());
    }

    @Test
    void a_box_clock_jumping_backwards_does_not_freeze_its_latest_state() throws Exception {
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(0));
        accept("spBv1.0/g1/DDATA/box-1/projector", payload(record(1, T),
                Metric.of(Metrics.POWER, MetricType.STRING, "on", T)));
        // The box lost its time (no real-time clock) and now stamps samples an hour earlier; its record ids go on.
        long earlier = T - 3_600_000;
        accept("spBv1.0/g1/DDATA/box-1/projector", payload(record(2, earlier),
                Metric.of(Metrics.POWER, MetricType.STRING, "off", earlier)));

        assertEquals("off", box("box-1").projector().power());
    }

    @Test
    void birth_values_are_not_overwritten_by_older_records_draining_behind_them() throws Exception {
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(0));
        accept("spBv1.0/g1/DBIRTH/box-1/projector", payload(record(40, T),
                Metric.of(Metrics.POWER, MetricType.STRING, "on", T)));
        accept("spBv1.0/g1/DDATA/box-1/projector", payload(record(12, T).asHistorical(),
                Metric.of(Metrics.POWER, MetricType.STRING, "off", T + 5).asHistorical()));
        awaitHistoryApplied(1);

        assertEquals("on", box("box-1").projector().power());
        assertEquals(1, samples(BOX_1).size(), "the historical record is still kept");
    }

    @Test
    void stale_ndeath_of_an_older_session_is_ignored_and_matching_one_applies() throws Exception {
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(4));
        accept("spBv1.0/g1/NDEATH/box-1", nodeDeath(3));
        assertTrue(box("box-1").online());
        accept("spBv1.0/g1/NDEATH/box-1", nodeDeath(4));
        assertFalse(box("box-1").online());
    }

    @Test
    void data_of_a_box_not_yet_born_is_parked_and_stored_under_the_epoch_of_its_birth() throws Exception {
        accept("spBv1.0/g2/DDATA/box-9/projector", payload(record(1, T),
                Metric.of(Metrics.POWER, MetricType.STRING, "on", T)));
        accept("spBv1.0/g2/DDATA/box-9/projector", payload(record(2, T + 1),
                Metric.of(Metrics.POWER, MetricType.STRING, "off", T + 1)));
        BoxKey box9 = new BoxKey("g2", "box-9");
        assertEquals(List.of("g2/box-9"), rebirths, "one rebirth request, not one per message");
        assertTrue(samples(box9).isEmpty(), "nothing stored under an invented epoch");
        assertEquals(2L, await(store.parkedCount()));

        accept("spBv1.0/g2/NBIRTH/box-9", nodeBirth(1));

        List<Sample> samples = samples(box9);
        assertEquals(List.of(2L, 1L), samples.stream().map(Sample::recordId).toList());
        assertTrue(samples.stream().allMatch(s -> s.epoch() == EPOCH), "keyed by the epoch of the birth");
        assertEquals("off", box(box9).projector().power());
        assertEquals(0L, await(store.parkedCount()));
        assertEquals(2L, ingest.counters().snapshot().get("unparked"));
    }

    @Test
    void a_box_not_yet_born_is_asked_for_a_rebirth_at_most_once_in_30_seconds() throws Exception {
        byte[] data = payload(record(1, T), Metric.of(Metrics.POWER, MetricType.STRING, "on", T));
        accept("spBv1.0/g2/DDATA/box-9/projector", data);
        now += 29_000;
        accept("spBv1.0/g2/DDATA/box-9/projector", data);
        assertEquals(1, rebirths.size());
        now += 1_000;
        accept("spBv1.0/g2/DDATA/box-9/projector", data);
        assertEquals(List.of("g2/box-9", "g2/box-9"), rebirths);
    }

    @Test
    void the_same_box_id_in_two_groups_is_two_boxes() throws Exception {
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(1));
        accept("spBv1.0/g2/NBIRTH/box-1", nodeBirth(1));
        accept("spBv1.0/g1/DDATA/box-1/projector", payload(record(1, T),
                Metric.of(Metrics.POWER, MetricType.STRING, "on", T)));
        accept("spBv1.0/g2/DDATA/box-1/projector", payload(record(1, T),
                Metric.of(Metrics.POWER, MetricType.STRING, "off", T)));

        assertEquals("on", box(BOX_1).projector().power());
        assertEquals("off", box(new BoxKey("g2", "box-1")).projector().power());
        assertEquals(1, samples(BOX_1).size());
        assertEquals(1, samples(new BoxKey("g2", "box-1")).size());
    }

    @Test
    void malformed_messages_are_counted_and_dropped_without_stopping_the_rest_of_their_batch() throws Exception {
        TestGuard.expectErrors("never");
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(1));
        // Queued together, so they share one transaction with the good messages around them.
        List<Future<Void>> all = List.of(
                ingest.accept("spBv1.0/g1/DDATA/box-1/projector", payload(record(1, T),
                        Metric.of(Metrics.POWER, MetricType.STRING, "on", T))),
                ingest.accept("spBv1.0/g1/BOGUS/box-1", nodeBirth(1)),
                ingest.accept("spBv1.0/g1/DDATA/box-1/projector", new byte[] {(byte) 0xff, 0x01, 0x02}),
                ingest.accept("spBv1.0/g1/NBIRTH/box-2", PayloadCodec.encode(new Payload(T, 0L, List.of()))),
                ingest.accept("spBv1.0/g1/DDATA/box-1/projector", payload(
                        Metric.of(Metrics.RECORD_ID, MetricType.STRING, "seven", T),
                        Metric.of(Metrics.POWER, MetricType.STRING, "off", T))),
                ingest.accept("spBv1.0/g1/DDATA/box-1/projector", payload(record(2, T),
                        Metric.of(Metrics.POWER, MetricType.STRING, "x".repeat(17), T))),
                ingest.accept("spBv1.0/g1/DDATA/box-1/projector", payload(record(3, T),
                        Metric.of(Metrics.ERROR, MetricType.STRING, "e".repeat(MAX_PAYLOAD), T))),
                ingest.accept("spBv1.0/g1/DDATA/box-1/projector", payload(record(4, T),
                        Metric.of(Metrics.INPUT, MetricType.STRING, "31", T))));
        for (Future<Void> message : all) {
            await(message);
        }

        assertEquals(List.of(4L, 1L), samples(BOX_1).stream().map(Sample::recordId).toList());
        assertEquals("on", box(BOX_1).projector().power(), "the too-wide power value changed nothing");
        assertEquals("31", box(BOX_1).projector().input());
        assertEquals(1, await(store.boxes(now)).size(), "the NBIRTH without bdSeq made no box");
        IngestCounters counters = ingest.counters();
        assertEquals(1, counters.malformed(Malformation.TOPIC));
        assertEquals(1, counters.malformed(Malformation.PAYLOAD));
        assertEquals(1, counters.malformed(Malformation.NO_BD_SEQ));
        assertEquals(1, counters.malformed(Malformation.RECORD_ID));
        assertEquals(1, counters.malformed(Malformation.VALUE));
        assertEquals(1, counters.malformed(Malformation.OVERSIZED));
        assertEquals(9L, counters.snapshot().get("acknowledged"), "malformed messages are acknowledged too");
    }

    @Test
    void messages_wait_unacknowledged_while_the_store_fails_and_are_stored_once_it_works_again() throws Exception {
        TestGuard.expectErrors("cannot store");
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(1));
        await(store.stop());
        Future<Void> data = ingest.accept("spBv1.0/g1/DDATA/box-1/projector", payload(record(1, T),
                Metric.of(Metrics.POWER, MetricType.STRING, "on", T)));
        Await.until(Duration.ofSeconds(10), "a failed attempt", () -> (Long) ingest.counters().snapshot()
                .get("storeFailures") > 0);
        assertFalse(data.isComplete(), "not acknowledged while the store fails");

        await(store.start());
        await(data);
        assertEquals(1, samples(BOX_1).size());
    }

    @Test
    void aliased_data_queued_while_the_console_was_away_is_read_with_the_births_it_saved() throws Exception {
        Map<String, Long> aliases = Map.of(Metrics.RECORD_ID, 11L, Metrics.POWER, 12L);
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(0));
        accept("spBv1.0/g1/DBIRTH/box-1/projector", PayloadCodec.encodeBirth(new Payload(T, 1L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 0L, T),
                Metric.of(Metrics.POWER, MetricType.STRING, "off", T))), aliases));
        // The console restarts: its store is opened again and a new alias book learns only what the store kept.
        ingest.stop();
        await(store.stop());
        await(store.start());
        ingest = newIngest();
        accept("spBv1.0/g1/DDATA/box-1/projector", PayloadCodec.encodeData(new Payload(T + 1, 2L, List.of(
                record(1, T + 1), Metric.of(Metrics.POWER, MetricType.STRING, "on", T + 1))), aliases));

        assertEquals("on", box("box-1").projector().power());
        List<Sample> samples = samples(BOX_1);
        assertEquals(1, samples.size());
        assertEquals(Metrics.POWER, samples.get(0).metric());
        assertTrue(rebirths.isEmpty());
    }

    @Test
    void data_with_an_alias_no_birth_declared_is_parked_until_the_birth_that_declares_it() throws Exception {
        Map<String, Long> aliases = Map.of(Metrics.RECORD_ID, 11L, Metrics.POWER, 12L);
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(0));
        accept("spBv1.0/g1/DDATA/box-1/projector", PayloadCodec.encodeData(new Payload(T + 1, 2L, List.of(
                record(7, T + 1), Metric.of(Metrics.POWER, MetricType.STRING, "on", T + 1))), aliases));
        assertEquals(1L, await(store.parkedCount()), "acknowledged, so kept: the box deleted it");
        assertEquals(List.of("g1/box-1"), rebirths);

        // The rebirth: NBIRTH (the DDATA still cannot be read: its device's birth follows), then the DBIRTH.
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(0));
        assertEquals(1L, await(store.parkedCount()));
        accept("spBv1.0/g1/DBIRTH/box-1/projector", PayloadCodec.encodeBirth(new Payload(T + 2, 1L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 7L, T + 2),
                Metric.of(Metrics.POWER, MetricType.STRING, "on", T + 2))), aliases));

        assertEquals(0L, await(store.parkedCount()));
        List<Sample> samples = samples(BOX_1);
        assertEquals(1, samples.size());
        assertEquals(7L, samples.get(0).recordId());
        assertEquals(Metrics.POWER, samples.get(0).metric());
    }

    @Test
    void a_birth_declaring_the_record_id_without_a_value_is_applied_and_releases_parked_data() throws Exception {
        Map<String, Long> aliases = Map.of(Metrics.RECORD_ID, 11L, Metrics.POWER, 12L);
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(0));
        accept("spBv1.0/g1/DDATA/box-1/projector", PayloadCodec.encodeData(new Payload(T + 1, 2L, List.of(
                record(3, T + 1), Metric.of(Metrics.POWER, MetricType.STRING, "on", T + 1))), aliases));
        accept("spBv1.0/g1/DBIRTH/box-1/projector", PayloadCodec.encodeBirth(new Payload(T + 2, 1L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, null, T + 2),
                Metric.of(Metrics.POWER, MetricType.STRING, "on", T + 2))), aliases));

        assertEquals(0L, await(store.parkedCount()));
        assertEquals(1, samples(BOX_1).size());
        assertEquals(0L, ingest.counters().malformed(Malformation.RECORD_ID), "a null in a birth is not malformed");
    }

    @Test
    void a_box_not_heard_from_for_too_long_shows_offline() throws Exception {
        accept("spBv1.0/g1/NBIRTH/box-1", nodeBirth(1));
        now += 3_601_000;
        assertFalse(box("box-1").online());
    }

    /** Historical DDATA goes through the history inbox: applied by the drain after its own acknowledgement. */
    private void awaitHistoryApplied(long messages) {
        Await.until(Duration.ofSeconds(10), messages + " historical messages applied",
                () -> ingest.counters().historyApplied() >= messages);
    }

    private void accept(String topic, byte[] payload) throws Exception {
        await(ingest.accept(topic, payload));
    }

    private BoxView box(String id) throws Exception {
        return box(new BoxKey("g1", id));
    }

    private BoxView box(BoxKey key) throws Exception {
        return await(store.boxesWithId(key.boxId(), now)).stream().filter(b -> b.key().equals(key)).findFirst()
                .orElseThrow();
    }

    private List<Sample> samples(BoxKey key) throws Exception {
        return await(store.samples(key, 100));
    }

    private static byte[] nodeBirth(long bdSeq) {
        return PayloadCodec.encode(new Payload(T, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, bdSeq, T),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, EPOCH, T))));
    }

    private static byte[] nodeDeath(long bdSeq) {
        return PayloadCodec.encode(new Payload(T, null, List.of(Metric.of(Metrics.BD_SEQ, MetricType.INT64, bdSeq, T))));
    }

    private static Metric record(long id, long takenAt) {
        return Metric.of(Metrics.RECORD_ID, MetricType.UINT64, id, takenAt);
    }

    private static byte[] payload(Metric... metrics) {
        return PayloadCodec.encode(new Payload(T, 1L, List.of(metrics)));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(10, TimeUnit.SECONDS);
    }
}
