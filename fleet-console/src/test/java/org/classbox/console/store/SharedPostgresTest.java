package org.classbox.console.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.classbox.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles writing one PostgreSQL database, as during a cluster takeover when both briefly store the same box,
 * and a server that drops the console's connection.
 */
@ExtendWith(TestGuard.class)
class SharedPostgresTest {
    private static final BoxKey BOX = new BoxKey("g1", "box-1");
    private static final Duration SOON = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private StoreUnderTest.Place place;
    private TestPostgres.Database database;
    private Vertx firstVertx;
    private Vertx secondVertx;
    private BoxStore first;
    private BoxStore second;

    @BeforeEach
    void start_two_consoles_on_one_database() throws Exception {
        // Two processes in effect: each console has its own Vert.x and so its own writer thread.
        firstVertx = Vertx.vertx();
        secondVertx = Vertx.vertx();
        place = StoreUnderTest.POSTGRESQL.open(dir);
        first = new BoxStore(firstVertx, place.config(3600));
        second = new BoxStore(secondVertx, place.config(3600));
        // Started together: both create the schema at once.
        await(Future.all(first.start(), second.start()));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            await(Future.join(first.stop(), second.stop()));
            firstVertx.close().await(10, TimeUnit.SECONDS);
            secondVertx.close().await(10, TimeUnit.SECONDS);
        } finally {
            place.close();
        }
    }

    @Test
    void two_consoles_storing_the_same_record_at_once_both_succeed_and_it_is_stored_once() throws Exception {
        await(first.transaction("birth", w -> {
            w.boxBorn(BOX, 1, 5, 1000);
            return null;
        }));
        Sample sample = new Sample(BOX, "projector", 5, 42, "Projector/Power", 1000, "on", false);
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> firstAdds = first.transaction("first console's batch", w -> {
            int added = w.addSamples(List.of(sample));
            inserted.countDown();
            await(release);
            return added;
        });
        assertTrue(inserted.await(20, TimeUnit.SECONDS), "the first console's row inserted, not committed");
        Future<Integer> secondAdds = second.transaction("second console's batch", w -> w.addSamples(List.of(sample)));
        // The second insert waits on the first one's uncommitted key; once that commits, it is a unique violation.
        Await.until(SOON, "the second console waiting for the first one's key", () -> rowsWaitingForLocks() == 1);
        release.countDown();

        assertEquals(1, await(firstAdds));
        assertEquals(0, await(secondAdds), "run again, the record is already stored: a repeat, not a failure");
        assertEquals(1, await(second.samples(BOX, 10)).size());
    }

    @Test
    void a_box_first_seen_by_two_consoles_at_once_is_one_row() throws Exception {
        await(Future.all(
                first.transaction("birth seen by the first", w -> {
                    w.boxBorn(BOX, 1, 5, 1000);
                    return null;
                }),
                second.transaction("birth seen by the second", w -> {
                    w.boxBorn(BOX, 1, 5, 1000);
                    return null;
                })));
        assertEquals(1, await(first.boxes(2000)).size());
    }

    @Test
    void connections_the_server_dropped_are_replaced() throws Exception {
        await(first.transaction("birth", w -> {
            w.boxBorn(BOX, 1, 5, 1000);
            return null;
        }));
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid)"
                + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            ps.executeQuery().close();
        }
        // The work in flight when the server went away fails; the next one opens a new connection.
        assertThrows(Exception.class, () -> await(first.transaction("after the drop", w -> w.epochOf(BOX))));
        assertEquals(Long.valueOf(5), await(first.transaction("again", w -> w.epochOf(BOX))));
        for (int i = 0; i < 3; i++) {
            assertEquals(1, await(first.boxes(2000)).size(), "a read runs again on a new connection");
        }
    }

    private long rowsWaitingForLocks() {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM"
                + " pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(place.settings().get("store.url"), TestPostgres.user(),
                TestPostgres.password());
    }

    private static void await(CountDownLatch latch) {
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
