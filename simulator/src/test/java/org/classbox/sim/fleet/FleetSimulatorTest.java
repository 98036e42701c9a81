package org.classbox.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Fifty simulated boxes against Debian mosquitto and the real console. */
@ExtendWith(TestGuard.class)
class FleetSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private FleetRig rig;

    @BeforeEach
    void start_mosquitto_console_and_fifty_boxes() throws Exception {
        rig = new FleetRig(dir, 50);
    }

    @AfterEach
    void stop_everything() throws Exception {
        rig.close();
    }

    @Test
    void every_box_is_born_at_the_console_with_its_devices_health() {
        Await.until(WAIT, "50 boxes online at the console",
                () -> rig.boxes().stream().filter(b -> b.online()).count() == 50);
        SimBox box = rig.fleet().box(12);
        Await.until(WAIT, "the terminal's round trip stored", () -> rig.latest(box, "terminal", "Link/RttMillis") != null);
        Await.until(WAIT, "the host's temperature stored", () -> rig.latest(box, "host", "Temperature/Cpu") != null);
        assertEquals("true", rig.latest(box, "projector", "Reachable"));
        assertEquals(box.projectorPower(), rig.latest(box, "projector", "Power"));
        assertEquals(50, rig.fleet().counters().births());
        assertEquals(0, rig.fleet().counters().rebirthRequests(), "the console never had to ask for a birth");
    }

    @Test
    void a_box_cut_off_goes_offline_at_the_console_and_drains_its_journal_when_back() throws Exception {
        Await.until(WAIT, "50 boxes online", () -> rig.boxes().stream().filter(b -> b.online()).count() == 50);
        SimBox box = rig.fleet().box(3);
        box.disconnect().await(10, TimeUnit.SECONDS);
        Await.until(WAIT, box.boxId() + " offline by its NDEATH", () -> !rig.box(box.boxId()).orElseThrow().online());
        long bdSeqBefore = rig.box(box.boxId()).orElseThrow().bdSeq();
        box.raiseAlarm("projector", "Unreachable", "simulated: 3 polls failed").await(10, TimeUnit.SECONDS);

        box.reconnect().await(30, TimeUnit.SECONDS);
        Await.until(WAIT, box.boxId() + " online again", () -> rig.box(box.boxId()).orElseThrow().online());
        assertEquals(bdSeqBefore + 1, rig.box(box.boxId()).orElseThrow().bdSeq(), "a new bdSeq per connection");
        Await.until(WAIT, "the alarm raised while away is stored",
                () -> "simulated: 3 polls failed".equals(rig.latest(box, "projector", "Alarm/Unreachable")));
        assertTrue(rig.fleet().counters().historicalRecords() > 0, "what was journaled while away went as backlog");
        assertEquals(0, rig.fleet().counters().rebirthRequests());
    }

    @Test
    void a_projector_obeys_a_dcmd_and_answers_it() throws Exception {
        SimBox box = rig.fleet().box(7);
        Await.until(WAIT, box.boxId() + " online", () -> rig.box(box.boxId()).map(b -> b.online()).orElse(false));
        String next = box.projectorPower().equals("on") ? "off" : "on";
        long now = System.currentTimeMillis();
        rig.command("spBv1.0/" + box.groupId() + "/DCMD/" + box.boxId() + "/projector",
                new Payload(now, null, List.of(Metric.of("Power", MetricType.STRING, next, now))));
        Await.until(WAIT, "Command/Power answered", () -> ("ok: power " + next)
                .equals(rig.latest(box, "projector", "Command/Power")));
        Await.until(WAIT, "the new power state stored", () -> next.equals(rig.latest(box, "projector", "Power")));
        assertEquals(next, box.projectorPower());

        rig.command("spBv1.0/" + box.groupId() + "/DCMD/" + box.boxId() + "/projector",
                new Payload(now, null, List.of(Metric.of("Power", MetricType.STRING, "sideways", now))));
        Await.until(WAIT, "a bad value rejected", () -> String.valueOf(rig.latest(box, "projector", "Command/Power"))
                .startsWith("rejected: Power must be on or off"));
        assertFalse(box.projectorPower().equals("sideways"));
    }
}
