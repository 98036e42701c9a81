package org.classbox.agent.classroom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.ClassroomMetrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots, consent and privacy with a camera on loopback and real journals, snapshots every second. Where a test
 * shows that something did not happen, a second room that may take pictures is the clock: it proves the ticks came.
 */
@ExtendWith(TestGuard.class)
class ClassroomCaptureTest {
    private static final Duration SOON = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void no_snapshot_leaves_without_consent() throws Exception {
        try (Camera camera = new Camera(); Camera control = new Camera();
             ClassroomRig room = ClassroomRig.withCamera(dir.resolve("room"), camera.url(), false);
             ClassroomRig allowed = ClassroomRig.withCamera(dir.resolve("allowed"), control.url(), true)) {
            Await.until(SOON, "three snapshots in the room that consented", () -> allowed.snapshots.journaled() >= 3);

            assertEquals(0, camera.requests(), "without consent the camera is not even asked");
            assertEquals(List.of(), room.records(), "nothing was journaled to go upstream");
            JournalRecord snapshot = allowed.records().get(0);
            assertEquals(RecordClass.BULK, snapshot.entry().recordClass());
            assertEquals(ClassroomMetrics.lessonDevice(ClassroomRig.LESSON), snapshot.entry().stream());
            assertArrayEquals(Camera.JPEG, (byte[]) PayloadCodec.decode(snapshot.entry().body())
                    .metric(ClassroomMetrics.SNAPSHOT_JPEG).orElseThrow().value());
        }
    }

    @Test
    void privacy_mode_stops_capture_and_survives_restart() throws Exception {
        try (Camera camera = new Camera(); Camera control = new Camera();
             ClassroomRig room = ClassroomRig.withCamera(dir.resolve("room"), camera.url(), true);
             ClassroomRig clock = ClassroomRig.withCamera(dir.resolve("clock"), control.url(), true)) {
            Await.until(SOON, "a snapshot before privacy", () -> room.snapshots.journaled() >= 1);
            assertEquals(200, room.post("/api/v1/privacy", "").statusCode());
            room.restart();
            int asked = camera.requests();
            long ticks = clock.snapshots.journaled();

            Await.until(SOON, "three more snapshots in the other room", () -> clock.snapshots.journaled() >= ticks + 3);
            assertEquals(asked, camera.requests(), "no capture in privacy mode, across the restart");
            assertTrue(room.privacy.on());
            assertEquals(Boolean.TRUE, new JsonObject(room.get("/api/v1/status").body()).getBoolean("privacy"));
            List<JournalRecord> privacy = room.records().stream()
                    .filter(r -> r.entry().stream().equals(ClassroomMetrics.CLASSROOM_DEVICE)).toList();
            assertEquals(1, privacy.size());
            assertEquals(RecordClass.EVENT, privacy.get(0).entry().recordClass());
            Payload payload = PayloadCodec.decode(privacy.get(0).entry().body());
            assertEquals(Boolean.TRUE, payload.metric(ClassroomMetrics.PRIVACY).orElseThrow().value());

            assertEquals(200, room.delete("/api/v1/privacy").statusCode());
            Await.until(SOON, "capture again once privacy is lifted", () -> camera.requests() > asked);
        }
    }

    @Test
    void snapshot_expires_after_its_ttl_undelivered() throws Exception {
        try (Camera camera = new Camera();
             ClassroomRig room = ClassroomRig.withCamera(dir.resolve("room"), camera.url(), true)) {
            Await.until(SOON, "a snapshot", () -> room.snapshots.journaled() >= 1);
            ClassroomRig.await(room.snapshots.stop());
            assertEquals(202, room.post("/api/v1/events", "{\"lessonId\":\"" + ClassroomRig.LESSON + "\","
                    + "\"kind\":\"help\",\"mediaTime\":12}").statusCode());
            long taken = room.records().get(0).entry().takenAt();

            room.now.set(taken + 59_000);
            assertEquals(RecordClass.BULK, room.records().get(0).entry().recordClass(), "still worth sending");
            room.now.set(taken + 61_000);
            List<JournalRecord> left = room.records();
            assertTrue(left.stream().noneMatch(r -> r.entry().recordClass() == RecordClass.BULK),
                    "the snapshot expired undelivered after classroom.snapshotTtlSeconds (60 s)");
            assertEquals(1, left.size(), "the help call stays");
            assertTrue(room.journal.counters().dropped().get(RecordClass.BULK) >= 1);
        }
    }
}
