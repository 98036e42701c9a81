package org.classbox.sim.durability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.classbox.sim.demo.ChildProcess;
import org.classbox.sim.link.LinkProfile;
import org.classbox.sim.link.OutagePlan;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs a real agent process 50 times at random moments while it samples a fast-changing projector and drains
 * its journal to the console, then lets a last agent finish: every record the agent acknowledged (logged after its
 * commit and fsync) must be at the console once, with the values that were acknowledged, counted in the rows of the
 * console's H2 file.
 */
@ExtendWith(TestGuard.class)
class KillLoopTest {
    private static final int KILLS = 50;

    @TempDir
    Path dir;

    @Test
    void no_acknowledged_record_is_lost_or_duplicated_across_50_sigkills() throws Exception {
        try (FastClassroom classroom = new FastClassroom(dir, new LinkProfile("lan", 0, 0, 0, 0, OutagePlan.none(),
                1.0))) {
            Random random = new Random(20261124);
            for (int kill = 0; kill < KILLS; kill++) {
                int before = classroom.acknowledged().size();
                ChildProcess agent = classroom.startAgent();
                if (kill % 5 != 0) {
                    // Most kills land once the agent journals and drains: on a busy machine a JVM takes seconds to
                    // start, and a kill during start-up alone tests little. Every fifth lands anywhere in it.
                    Await.until(Duration.ofSeconds(60), "the agent journaling",
                            () -> classroom.acknowledged().size() > before);
                }
                Thread.sleep(random.nextInt(1500)); // a random moment to pull the plug, not a wait for a condition
                agent.kill();
            }
            int beforeLast = classroom.acknowledged().size();
            assertTrue(beforeLast > 0, "the killed agents had journaled records");
            classroom.startAgent();
            Await.until(Duration.ofSeconds(60), "the last agent journaling too",
                    () -> classroom.acknowledged().size() > beforeLast + 20);
            // The last agent keeps journaling; everything acknowledged up to now must arrive.
            Map<Long, String> acknowledged = classroom.acknowledged();
            Await.until(Duration.ofSeconds(120), "every acknowledged record at the console",
                    () -> classroom.consoleRecords().keySet().containsAll(acknowledged.keySet()));

            classroom.storedRows().assertExactlyOnce(FastClassroom.BOX, acknowledged);
            System.out.println("kill loop: " + KILLS + " SIGKILLs, " + acknowledged.size() + " acknowledged records"
                    + " (ids up to " + ((java.util.TreeMap<Long, String>) acknowledged).lastKey()
                    + "), every one at the console once with its acknowledged values");
        }
    }
}
