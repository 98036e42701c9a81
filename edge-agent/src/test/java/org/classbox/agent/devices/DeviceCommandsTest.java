package org.classbox.agent.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.classbox.agent.config.AlarmsConfig;
import org.classbox.agent.config.DevicesConfig;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.drivers.pjlink.PjlinkType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** DCMD metrics to journaled answers; a camera snapshot only with the room's consent and privacy off. */
@ExtendWith(TestGuard.class)
class DeviceCommandsTest {
    @TempDir
    Path dir;
    private Vertx vertx;
    private Context context;
    private Journal journal;
    private final AtomicBoolean picturesAllowed = new AtomicBoolean();
    private DeviceCommands commands;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        journal = new Journal(vertx, JournalConfig.defaults(dir));
        journal.start().await(10, TimeUnit.SECONDS);
        DevicesConfig config = new DevicesConfig(List.of(), 1000, 5, 15, 5, 1000, AlarmsConfig.defaults());
        DeviceSupervisor camera = new DeviceSupervisor(vertx, new DevicesConfig.Device("camera", new PjlinkType(),
                60_000, null), new ScriptedDriver(), config, journal, () -> { }, System::currentTimeMillis);
        onContext(() -> {
            camera.start();
            return Future.succeededFuture();
        });
        commands = new DeviceCommands(id -> id.equals("camera") ? camera : null, picturesAllowed::get, journal,
                () -> { }, System::currentTimeMillis);
    }

    @AfterEach
    void stop() throws Exception {
        journal.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void snapshot_is_refused_without_consent_or_in_privacy_mode_and_nothing_is_taken() throws Exception {
        snapshot();
        assertEquals(List.of("event camera Command/Snapshot=rejected: no pictures in privacy mode or without"
                + " classroom.picturesConsent"), commandRecords());
    }

    @Test
    void snapshot_allowed_is_journaled_as_bulk_on_the_camera_and_answered_ok() throws Exception {
        picturesAllowed.set(true);
        snapshot();
        assertEquals(List.of("bulk camera Snapshot/Jpeg=4 bytes", "event camera Command/Snapshot=ok: snapshot of"
                + " 4 bytes"), commandRecords());
    }

    private void snapshot() throws Exception {
        long now = System.currentTimeMillis();
        onContext(() -> commands.handle("camera", new Payload(now, null, List.of(Metric.of("Snapshot",
                MetricType.BOOLEAN, true, now)))));
    }

    /** Records other than the supervisor's own polls, as {@code class stream name=value}. */
    private List<String> commandRecords() throws Exception {
        List<JournalRecord> all = journal.readAfter(0, 1000).await(5, TimeUnit.SECONDS);
        return all.stream().flatMap(r -> PayloadCodec.decode(r.entry().body()).metrics().stream()
                        .filter(m -> m.name().startsWith("Command/") || m.name().startsWith("Snapshot/"))
                        .map(m -> r.entry().recordClass().name().toLowerCase() + " " + r.entry().stream() + " "
                                + m.name() + "=" + (m.value() instanceof byte[] b ? b.length + " bytes"
                                : m.value())))
                .toList();
    }

    private void onContext(Supplier<Future<Void>> action) throws Exception {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> action.get().onComplete(done));
        done.future().await(10, TimeUnit.SECONDS);
    }
}
