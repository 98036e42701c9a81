package org.classbox.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The lease rules on a real PostgreSQL database: two instances, each with a connection of its own. */
@ExtendWith(TestGuard.class)
class ShardLeasesTest {
    private static final long LEASE = 20_000;

    private final Vertx vertx = Vertx.vertx();
    private SharedDatabase database;
    private ClusterDb a;
    private ClusterDb b;

    @BeforeEach
    void given_two_instances_on_one_database() throws Exception {
        database = new SharedDatabase();
        a = new ClusterDb(vertx, database::connect, 4);
        b = new ClusterDb(vertx, database::connect, 4);
        // Both create the tables and the shard rows at once: neither fails.
        await(Future.all(a.start(), b.start()));
        assertEquals(4L, database.count("SELECT COUNT(*) FROM shard_leases"));
    }

    @AfterEach
    void close() throws Exception {
        await(Future.join(a.stop(), b.stop()));
        vertx.close().await(10, TimeUnit.SECONDS);
        database.close();
    }

    @Test
    void a_held_shard_cannot_be_taken_by_another() throws Exception {
        assertTrue(await(a.take("a", 2, LEASE)));
        assertFalse(await(b.take("b", 2, LEASE)));
        ClusterDb.Beat beat = await(a.heartbeat("a", LEASE, List.of(2)));
        assertEquals(Set.of(2), beat.renewed());
        assertEquals(List.of(0, 1, 3), await(b.heartbeat("b", LEASE, List.of())).free());
    }

    @Test
    void an_instance_restarted_under_its_id_gets_its_shards_back_at_once() throws Exception {
        assertTrue(await(a.take("a", 1, LEASE)));
        // The restarted "a" holds nothing yet; its old lease is still running, and still its own.
        assertEquals(List.of(0, 1, 2, 3), await(a.heartbeat("a", LEASE, List.of())).free());
        assertTrue(await(a.take("a", 1, LEASE)));
        assertEquals(List.of(0, 2, 3), await(b.heartbeat("b", LEASE, List.of())).free());
    }

    @Test
    void an_expired_lease_goes_to_another_and_its_old_holder_cannot_renew_it() throws Exception {
        assertTrue(await(a.take("a", 1, 300)));
        Await.until(Duration.ofSeconds(10), "a's lease of shard 1 expired",
                () -> await(b.take("b", 1, LEASE)));
        assertEquals(Set.of(), await(a.heartbeat("a", LEASE, List.of(1))).renewed());
        assertFalse(await(a.take("a", 1, LEASE)));
    }

    @Test
    void a_released_shard_is_free_at_once() throws Exception {
        assertTrue(await(a.take("a", 0, LEASE)));
        await(a.release("a", 0));
        assertTrue(await(b.take("b", 0, LEASE)));
        // Releasing what another holds changes nothing.
        await(a.release("a", 0));
        assertEquals(Set.of(0), await(b.heartbeat("b", LEASE, List.of(0))).renewed());
    }

    @Test
    void live_instances_are_those_with_a_recent_heartbeat() throws Exception {
        await(a.heartbeat("a", LEASE, List.of()));
        assertEquals(2, await(b.heartbeat("b", LEASE, List.of())).liveInstances());
        await(a.leave("a"));
        assertEquals(1, await(b.heartbeat("b", LEASE, List.of())).liveInstances());
        // With a short lease, a silent instance no longer counts.
        await(a.heartbeat("a", LEASE, List.of()));
        Await.until(Duration.ofSeconds(10), "a counted as gone",
                () -> await(b.heartbeat("b", 300, List.of())).liveInstances() == 1);
    }

    @Test
    void groups_are_kept_once_whoever_adds_them() throws Exception {
        await(Future.all(a.addGroups(List.of("north", "south")), b.addGroups(List.of("south", "east"))));
        assertEquals(List.of("east", "north", "south"),
                await(a.heartbeat("a", LEASE, List.of())).groups().stream().sorted().toList());
    }

    @Test
    void every_group_has_one_stable_shard() {
        assertEquals(ShardMap.shardOf("north", 16), ShardMap.shardOf("north", 16));
        // CRC-32 of "north" is fixed by its definition, not by this JVM.
        assertEquals(0xdc2a30c2L % 16, ShardMap.shardOf("north", 16));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
