package org.classbox.sim.durability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.sim.link.LinkProfile;
import org.classbox.sim.link.OutagePlan;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Long outages and broker restarts on the GEO link, with time compressed. */
@ExtendWith(TestGuard.class)
class OutageScenariosTest {
    private static final Duration DRAIN = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    @Test
    void a_ten_minute_outage_compressed_twenty_fold_loses_nothing() throws Exception {
        // 600 link-seconds of outage after 60 link-seconds up, at 20x: 3 s up, 30 s down, in real time.
        LinkProfile geo = LinkProfile.geo().withOutages(OutagePlan.periodic(3600, 600, 60)).withTimeScale(20);
        try (FastClassroom classroom = new FastClassroom(dir, geo)) {
            classroom.startAgent();
            Await.until(Duration.ofSeconds(60), "the outage to begin", () -> !classroom.link.isUp());
            Await.until(Duration.ofSeconds(60), "the outage to end", classroom.link::isUp);
            int duringOutage = classroom.acknowledged().size();

            assertEverythingArrives(classroom);
            assertTrue(duringOutage > 100, "the agent kept journaling while the link was down: " + duringOutage);
        }
    }

    @Test
    void the_broker_restarting_during_a_drain_loses_and_repeats_nothing() throws Exception {
        try (FastClassroom classroom = new FastClassroom(dir, LinkProfile.geo())) {
            classroom.link.goDown().await(10, TimeUnit.SECONDS);
            classroom.startAgent();
            Await.until(Duration.ofSeconds(60), "a backlog of 150 records", () -> classroom.acknowledged().size() > 150);
            classroom.link.comeUp().await(10, TimeUnit.SECONDS);
            Await.until(Duration.ofSeconds(60), "the drain to start", () -> classroom.consoleRecords().size() > 5);

            classroom.broker.stop().await(30, TimeUnit.SECONDS);
            classroom.broker.start().await(30, TimeUnit.SECONDS);

            assertEverythingArrives(classroom);
        }
    }

    private static void assertEverythingArrives(FastClassroom classroom) throws Exception {
        // The projector keeps changing, so new records keep coming: check everything acknowledged up to now.
        Map<Long, String> acknowledged = classroom.acknowledged();
        try {
            Await.until(DRAIN, "every acknowledged record at the console",
                    () -> classroom.consoleRecords().keySet().containsAll(acknowledged.keySet()));
        } catch (AssertionError e) {
            java.util.Set<Long> missing = new java.util.TreeSet<>(acknowledged.keySet());
            missing.removeAll(classroom.consoleRecords().keySet());
            throw new AssertionError(e.getMessage() + ": " + missing.size() + " of " + acknowledged.size()
                    + " missing, first " + missing.stream().limit(10).collect(java.util.stream.Collectors.toList()), e);
        }
        classroom.storedRows().assertExactlyOnce(FastClassroom.BOX, acknowledged);
    }
}
