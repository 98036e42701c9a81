package org.classbox.console.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The store itself on each database: its schema, its reads beside its writes, what it refuses. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreUnderTest.class)
@ExtendWith(TestGuard.class)
class BoxStoreTest {
    private static final BoxKey BOX = new BoxKey("g1", "box-1");

    @Parameter
    StoreUnderTest storeUnderTest;
    @TempDir
    Path dir;
    private StoreUnderTest.Place place;
    private Vertx vertx;
    private BoxStore store;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        place = storeUnderTest.open(dir);
        store = new BoxStore(vertx, place.config(3600));
        await(store.start());
    }

    @AfterEach
    void stop() throws Exception {
        try {
            await(store.stop());
            vertx.close().await(10, TimeUnit.SECONDS);
        } finally {
            place.close();
        }
    }

    @Test
    void reads_are_answered_while_a_write_transaction_is_still_running() throws Exception {
        await(store.transaction("a first box", w -> {
            w.boxBorn(BOX, 1, 5, 1000);
            return null;
        }));
        CountDownLatch release = new CountDownLatch(1);
        Future<Void> slowWrite = store.transaction("a slow write", w -> {
            w.boxBorn(new BoxKey("g1", "box-2"), 1, 5, 2000);
            awaitQuietly(release);
            return null;
        });

        List<BoxView> boxes = await(store.boxes(3000));
        assertFalse(slowWrite.isComplete(), "the write is still running");
        assertEquals(List.of(BOX), boxes.stream().map(BoxView::key).toList(), "committed rows only");
        release.countDown();
        await(slowWrite);
        assertEquals(2, await(store.boxes(3000)).size());
    }

    @Test
    void a_birth_saved_again_replaces_the_first_and_a_box_born_again_keeps_one_row() throws Exception {
        await(store.transaction("births", w -> {
            w.boxBorn(BOX, 1, 5, 1000);
            w.saveBirth(BOX, "", "spBv1.0/g1/NBIRTH/box-1", new byte[] {1});
            w.boxBorn(BOX, 2, 6, 2000);
            w.saveBirth(BOX, "", "spBv1.0/g1/NBIRTH/box-1", new byte[] {2, 2});
            w.lessons().savePublished(BOX, 1, new byte[] {3}, 1000);
            w.lessons().savePublished(BOX, 2, new byte[] {4}, 2000);
            return null;
        }));
        List<BoxView> boxes = await(store.boxes(3000));
        assertEquals(1, boxes.size());
        assertEquals(2L, boxes.get(0).bdSeq());
        assertEquals(6L, boxes.get(0).epoch());
        List<SavedBirth> births = await(store.births());
        assertEquals(1, births.size());
        assertEquals(2, births.get(0).payload().length);
        assertEquals(Long.valueOf(2), await(store.read("schedule", w -> w.lessons().publishedVersion(BOX))));
    }

    @Test
    void a_sample_too_wide_for_its_column_undoes_only_its_own_step() throws Exception {
        Sample fits = new Sample(BOX, "host", 5, 1, "Temperature/Cpu", 1000, "55.0", false);
        Sample tooWide = new Sample(BOX, "host", 5, 2, "Note", 1000, "x".repeat(1025), false);
        SQLException refused = await(store.transaction("samples", w -> {
            w.boxBorn(BOX, 1, 5, 1000);
            w.addSamples(List.of(fits));
            return w.undoOnDataError(() -> w.addSamples(List.of(
                    new Sample(BOX, "host", 5, 3, "Temperature/Cpu", 1000, "56.0", false), tooWide)));
        }));
        assertTrue(refused.getSQLState().startsWith("22"), refused.getSQLState() + " " + refused.getMessage());
        assertEquals(List.of(1L), await(store.samples(BOX, 10)).stream().map(Sample::recordId).toList());
    }

    @Test
    void a_store_written_by_a_newer_console_is_refused_with_what_to_do() throws Exception {
        await(store.transaction("a newer console's mark", w -> {
            try (PreparedStatement ps = w.connection().prepareStatement(
                    "UPDATE store_meta SET val = 3 WHERE name = 'schema'")) {
                ps.executeUpdate();
            }
            return null;
        }));
        await(store.stop());
        Exception e = assertThrows(Exception.class, () -> await(store.start()));
        assertTrue(e.getMessage().contains("written by a newer console (schema 3"), e.getMessage());
        await(store.stop());
        try (Connection c = connect()) {
            c.createStatement().executeUpdate("UPDATE store_meta SET val = 2 WHERE name = 'schema'");
        }
        await(store.start());
    }

    private Connection connect() throws SQLException {
        StoreUnderTest.Place p = place;
        return storeUnderTest == StoreUnderTest.H2
                ? java.sql.DriverManager.getConnection(BoxStore.jdbcUrl(dir), "console", "")
                : java.sql.DriverManager.getConnection(p.settings().get("store.url"), p.settings().get("store.user"),
                p.settings().get("store.password"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(20, TimeUnit.SECONDS);
    }
}
